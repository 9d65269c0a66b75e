package cn.dibao.application;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;

interface ApplicationEventRepository extends JpaRepository<ApplicationEvent, Long> {

    List<ApplicationEvent> findByApplicationIdOrderById(long applicationId);

    /** Whether the user took part in accepting, investigating or the 初审 of the case (four-eyes). */
    @Query("""
            select count(e) > 0 from ApplicationEvent e where e.applicationId = :id and e.actor = :actor
              and e.action in ('ACCEPT', 'START_INVESTIGATION', 'HOME_VISIT', 'NEIGHBOUR_INTERVIEW',
                               'VERIFICATION_REQUESTED', 'VERIFICATION_RESULT', 'SUBMIT_INVESTIGATION',
                               'TOWNSHIP_REVIEW')
            """)
    boolean tookPartInIntakeOrInvestigation(long id, String actor);
}
