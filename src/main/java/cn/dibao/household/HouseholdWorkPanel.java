package cn.dibao.household;

import cn.dibao.common.security.Role;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.home.WorkPanel;
import cn.dibao.home.WorkPanelContributor;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Window and county panels: the registry in the user's scope, and outreach groups to look after. */
@Component
class HouseholdWorkPanel implements WorkPanelContributor {

    private final JdbcTemplate jdbc;

    HouseholdWorkPanel(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkPanel> panelsFor(StaffPrincipal user) {
        List<WorkPanel> panels = new ArrayList<>();
        if (user.hasRole(Role.CASEWORKER) || user.hasRole(Role.REVIEWER)) {
            String pattern = user.scope().likePattern();
            Long active = jdbc.queryForObject(
                    "select count(*) from household where area_code like ? and status = 'ACTIVE'", Long.class, pattern);
            Long alone = jdbc.queryForObject("""
                    select count(*) from household where area_code like ? and status = 'ACTIVE'
                      and tags @> array['ELDERLY_ALONE']::varchar(30)[]""", Long.class, pattern);
            Long severe = jdbc.queryForObject("""
                    select count(*) from household where area_code like ? and status = 'ACTIVE'
                      and tags @> array['SEVERE_DISABILITY']::varchar(30)[]""", Long.class, pattern);
            Role role = user.hasRole(Role.CASEWORKER) ? Role.CASEWORKER : Role.REVIEWER;
            panels.add(new WorkPanel(role, role == Role.CASEWORKER ? "home.panel.caseworker" : "home.panel.reviewer",
                    List.of(new WorkPanel.Line("home.line.households", active == null ? 0 : active,
                                    "/households?status=ACTIVE"),
                            new WorkPanel.Line("enum.HouseholdTag.ELDERLY_ALONE", alone == null ? 0 : alone,
                                    "/households?status=ACTIVE&tag=ELDERLY_ALONE"),
                            new WorkPanel.Line("enum.HouseholdTag.SEVERE_DISABILITY", severe == null ? 0 : severe,
                                    "/households?status=ACTIVE&tag=SEVERE_DISABILITY"))));
        }
        return panels;
    }
}
