package cn.dibao.audit;

import cn.dibao.common.security.Role;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.home.WorkPanel;
import cn.dibao.home.WorkPanelContributor;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The auditor's panel: how much happened in the last day. */
@Component
class AuditWorkPanel implements WorkPanelContributor {

    private final AuditEventRepository events;
    private final Clock clock;

    AuditWorkPanel(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Override
    public List<WorkPanel> panelsFor(StaffPrincipal user) {
        if (!user.hasRole(Role.AUDITOR)) {
            return List.of();
        }
        long lastDay = events.countSince(user.scope().likePattern(), clock.instant().minus(Duration.ofDays(1)));
        return List.of(new WorkPanel(Role.AUDITOR, "home.panel.auditor",
                List.of(new WorkPanel.Line("home.line.auditToday", lastDay, "/audit"))));
    }
}
