package cn.dibao.application;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface ApplicationEventRepository extends JpaRepository<ApplicationEvent, Long> {

    List<ApplicationEvent> findByApplicationIdOrderById(long applicationId);

    /** Whether the user wrote a line of one of the codes on the case's timeline (four-eyes). */
    @Query("""
            select count(e) > 0 from ApplicationEvent e where e.applicationId = :id and e.actor = :actor
              and e.action in :codes
            """)
    boolean tookPartIn(long id, String actor, java.util.Collection<TimelineCode> codes);
}
