package cn.dibao.household;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;

interface HouseholdChangeRepository extends JpaRepository<HouseholdChange, Long> {

    List<HouseholdChange> findTop200ByHouseholdIdOrderByChangedAtDescIdDesc(long householdId);
}
