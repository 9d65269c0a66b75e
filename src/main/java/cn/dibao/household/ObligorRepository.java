package cn.dibao.household;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface ObligorRepository extends JpaRepository<Obligor, Long> {

    List<Obligor> findByHouseholdIdOrderById(long householdId);

    Optional<Obligor> findByIdAndHouseholdId(long id, long householdId);
}
