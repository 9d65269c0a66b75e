package cn.dibao.household;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface IncomeItemRepository extends JpaRepository<IncomeItem, Long> {

    List<IncomeItem> findByHouseholdIdOrderById(long householdId);

    Optional<IncomeItem> findByIdAndHouseholdId(long id, long householdId);
}
