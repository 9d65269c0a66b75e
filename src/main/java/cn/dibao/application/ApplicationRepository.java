package cn.dibao.application;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

import jakarta.persistence.LockModeType;
import java.util.Optional;

interface ApplicationRepository extends JpaRepository<Application, Long> {

    /** The case if it lies in the area scope (a code prefix pattern); locked for a transition. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select a from Application a where a.id = :id and a.areaCode like :scope")
    Optional<Application> lockInScope(@Param("id") long id, @Param("scope") String scope);

    /** The household's cases still open (not decided yet). */
    @Query("""
            select a from Application a where a.householdId = :household
            and a.state not in (cn.dibao.application.ApplicationState.ENROLLED,
                cn.dibao.application.ApplicationState.REFUSED, cn.dibao.application.ApplicationState.WITHDRAWN,
                cn.dibao.application.ApplicationState.TERMINATED, cn.dibao.application.ApplicationState.APPROVED)
            order by a.id""")
    java.util.List<Application> openOf(@Param("household") long household);

    @Query("select a from Application a where a.id = :id and a.areaCode like :scope")
    Optional<Application> findInScope(@Param("id") long id, @Param("scope") String scope);
}
