package cn.dibao.audit;

import cn.dibao.common.security.AreaScope;
import cn.dibao.common.security.CurrentStaff;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;

/**
 * The audit trail: who did what to which record, when. Writers join the caller's transaction,
 * so an action and its audit line commit or roll back together.
 */
@Service
public class AuditTrail {

    private final AuditEventRepository events;
    private final Clock clock;

    AuditTrail(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, Object entityId, String areaCode, String detail) {
        recordAs(CurrentStaff.usernameOrSystem(), action, entityType, entityId, areaCode, detail);
    }

    /** For events with no logged-in user yet (a failed login), in their own transaction. */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public void recordStandalone(String actor, String action, String entityType, Object entityId, String detail) {
        recordAs(actor, action, entityType, entityId, null, detail);
    }

    private void recordAs(String actor, String action, String entityType, Object entityId, String areaCode,
                          String detail) {
        events.save(new AuditEvent(clock.instant(), actor, action, entityType,
                entityId == null ? null : String.valueOf(entityId), areaCode, detail));
    }

    @Transactional(readOnly = true)
    public Page<AuditEntry> search(AuditQuery query, int page, int size) {
        AreaScope scope = CurrentStaff.scope();
        return events.search(scope.likePattern(), blankToNull(query.action()), blankToNull(query.actor()),
                        blankToNull(query.entityType()), blankToNull(query.entityId()), PageRequest.of(page, size))
                .map(e -> new AuditEntry(e.getId(), e.getOccurredAt(), e.getActor(), e.getAction(), e.getEntityType(),
                        e.getEntityId(), e.getAreaCode(), e.getDetail()));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public record AuditQuery(String action, String actor, String entityType, String entityId) {
    }
}
