package cn.dibao.household;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface ExpenseItemRepository extends JpaRepository<ExpenseItem, Long> {

    List<ExpenseItem> findByHouseholdIdOrderById(long householdId);

    Optional<ExpenseItem> findByIdAndHouseholdId(long id, long householdId);
}
