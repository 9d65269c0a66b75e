package cn.dibao.household;

import cn.dibao.common.security.Role;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.home.WorkPanel;
import cn.dibao.home.WorkPanelContributor;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;

/** Window and county panels: the registry in the user's scope, and outreach groups to look after. */
@Component
class HouseholdWorkPanel implements WorkPanelContributor {

    private final JdbcClient jdbc;

    HouseholdWorkPanel(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public List<WorkPanel> panelsFor(StaffPrincipal user) {
        List<WorkPanel> panels = new ArrayList<>();
        if (user.hasRole(Role.CASEWORKER) || user.hasRole(Role.REVIEWER)) {
            String pattern = user.scope().likePattern();
            Long active = jdbc.sql("select count(*) from household where area_code like :pattern and status = 'ACTIVE'")
                    .param("pattern", pattern).query(Long.class).single();
            Long alone = jdbc.sql("""
                    select count(*) from household where area_code like :pattern and status = 'ACTIVE'
                      and tags @> array['ELDERLY_ALONE']::varchar(30)[]""").param("pattern", pattern)
                    .query(Long.class).single();
            Long severe = jdbc.sql("""
                    select count(*) from household where area_code like :pattern and status = 'ACTIVE'
                      and tags @> array['SEVERE_DISABILITY']::varchar(30)[]""").param("pattern", pattern)
                    .query(Long.class).single();
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
