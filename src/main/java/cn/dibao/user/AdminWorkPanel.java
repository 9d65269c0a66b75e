package cn.dibao.user;

import cn.dibao.area.AreaService;
import cn.dibao.common.security.Role;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.home.WorkPanel;
import cn.dibao.home.WorkPanelContributor;
import org.springframework.stereotype.Component;

import java.util.List;

/** The administrator's panel: areas, accounts, locked accounts to look at. */
@Component
class AdminWorkPanel implements WorkPanelContributor {

    private final StaffUserService users;
    private final AreaService areas;

    AdminWorkPanel(StaffUserService users, AreaService areas) {
        this.users = users;
        this.areas = areas;
    }

    @Override
    public List<WorkPanel> panelsFor(StaffPrincipal user) {
        if (!user.hasRole(Role.ADMIN)) {
            return List.of();
        }
        List<StaffUserView> all = users.listInScope();
        long activeAreas = areas.listInScope().stream().filter(a -> !a.retired()).count();
        return List.of(new WorkPanel(Role.ADMIN, "home.panel.admin", List.of(
                new WorkPanel.Line("home.line.areas", activeAreas, "/admin/areas"),
                new WorkPanel.Line("home.line.users", all.size(), "/admin/users"),
                new WorkPanel.Line("home.line.lockedUsers", all.stream().filter(StaffUserView::locked).count(),
                        "/admin/users"))));
    }
}
