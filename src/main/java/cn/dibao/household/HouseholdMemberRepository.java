package cn.dibao.household;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.util.List;
import java.util.Optional;

interface HouseholdMemberRepository extends JpaRepository<HouseholdMember, Long> {

    @Query("""
            select m from HouseholdMember m join fetch m.person
            where m.householdId = :householdId order by m.leftOn nulls first, m.id
            """)
    List<HouseholdMember> findAllOfHousehold(long householdId);

    /** The person's current membership, in whichever household (there is at most one). */
    @Query("select m from HouseholdMember m where m.person.id = :personId and m.leftOn is null")
    Optional<HouseholdMember> findCurrent(long personId);

    /** Whether an ended membership of the person (not {@code memberId}) ended after {@code day}. */
    @Query("""
            select count(m) > 0 from HouseholdMember m where m.person.id = :personId and m.id <> :memberId
              and m.leftOn > :day
            """)
    boolean endsAfter(long personId, long memberId, java.time.LocalDate day);

    @Query("select count(m) from HouseholdMember m where m.householdId = :householdId and m.leftOn is null")
    long countCurrent(long householdId);
}
