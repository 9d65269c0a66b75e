package cn.dibao.audit;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    /** Events in the scope, plus events not tied to an area (logins, user admin) for unrestricted users. */
    @Query("""
            select e from AuditEvent e
            where (e.areaCode like :pattern or (:pattern = '%' and e.areaCode is null))
              and (:action is null or e.action = :action)
              and (:actor is null or e.actor = :actor)
              and (:entityType is null or e.entityType = :entityType)
              and (:entityId is null or e.entityId = :entityId)
            order by e.occurredAt desc, e.id desc
            """)
    Page<AuditEvent> search(String pattern, String action, String actor, String entityType, String entityId,
                            Pageable pageable);

    @Query("""
            select count(e) from AuditEvent e
            where (e.areaCode like :pattern or (:pattern = '%' and e.areaCode is null)) and e.occurredAt >= :since
            """)
    long countSince(String pattern, java.time.Instant since);
}
