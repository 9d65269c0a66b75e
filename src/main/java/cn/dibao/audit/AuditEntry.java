package cn.dibao.audit;

import java.time.Instant;

/** A line of the audit trail as pages and other features read it. */
public record AuditEntry(long id, Instant occurredAt, String actor, String action, String entityType, String entityId,
                         String areaCode, String detail) {
}
