package cn.dibao.household;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.Optional;

interface HouseholdRepository extends JpaRepository<Household, Long> {

    /** The only way to load a household: inside the user's area scope. */
    @Query("select h from Household h where h.id = :id and h.areaCode like :scopePattern")
    Optional<Household> findInScope(long id, String scopePattern);
}
