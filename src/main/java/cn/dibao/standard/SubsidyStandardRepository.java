package cn.dibao.standard;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

interface SubsidyStandardRepository extends JpaRepository<SubsidyStandard, Long> {

    /**
     * The version in force: among the township's and the county's versions for this hukou type
     * or for both, the latest month not after {@code month}; on the same month the township's
     * before the county's, then a specific hukou type before "both". For a county, township and
     * county are the same code.
     */
    @Query(value = """
            select s.* from subsidy_standard s
             where s.area_code in (:township, :county)
               and (s.hukou_type = cast(:hukou as varchar) or s.hukou_type is null)
               and s.effective_from <= :month
             order by s.effective_from desc,
                      case when s.area_code = :township then 0 else 1 end,
                      case when s.hukou_type is null then 1 else 0 end
             limit 1
            """, nativeQuery = true)
    Optional<SubsidyStandard> findInForce(String township, String county, String hukou, LocalDate month);

    /** An area's own versions, newest month first; on one month "both" before urban and rural. */
    @Query("select s from SubsidyStandard s where s.areaCode = :areaCode order by s.effectiveFrom desc, s.hukouType nulls first")
    List<SubsidyStandard> findTimeline(String areaCode);

    /** Whether the area already has a version for this hukou type (null: both) and month, as the unique index sees it. */
    @Query(value = """
            select exists (select 1 from subsidy_standard
                            where area_code = :areaCode
                              and coalesce(hukou_type, 'BOTH') = coalesce(cast(:hukou as varchar), 'BOTH')
                              and effective_from = :month and id <> :exceptId)
            """, nativeQuery = true)
    boolean existsVersion(String areaCode, String hukou, LocalDate month, long exceptId);

    /** Whether an eligibility check was run with this version: then it is evidence and never changes. */
    @Query(value = "select exists (select 1 from eligibility_check where standard_id = :id)", nativeQuery = true)
    boolean isUsed(long id);

    /** Which of these versions eligibility checks were run with. */
    @Query(value = "select distinct standard_id from eligibility_check where standard_id in (:ids)", nativeQuery = true)
    List<Long> usedAmong(Collection<Long> ids);
}
