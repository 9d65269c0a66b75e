package cn.dibao.household;

import org.springframework.data.jpa.repository.JpaRepository;

import java.util.List;
import java.util.Optional;

interface AssetItemRepository extends JpaRepository<AssetItem, Long> {

    List<AssetItem> findByHouseholdIdOrderById(long householdId);

    Optional<AssetItem> findByIdAndHouseholdId(long id, long householdId);
}
