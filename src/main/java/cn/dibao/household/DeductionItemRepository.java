package cn.dibao.household;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface DeductionItemRepository extends JpaRepository<DeductionItem, Long> {

    List<DeductionItem> findByHouseholdIdOrderById(long householdId);

    Optional<DeductionItem> findByIdAndHouseholdId(long id, long householdId);
}
