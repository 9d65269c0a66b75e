package cn.dibao.eligibility;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface EligibilityCheckRepository extends JpaRepository<EligibilityCheck, Long> {

    @Query("select c from EligibilityCheck c where c.id = :id and c.areaCode like :scopePattern")
    Optional<EligibilityCheck> findInScope(long id, String scopePattern);

    List<EligibilityCheck> findTop20ByHouseholdIdOrderByCheckedAtDesc(long householdId);
}
