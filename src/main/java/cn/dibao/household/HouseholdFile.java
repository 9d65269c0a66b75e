package cn.dibao.household;

import cn.dibao.common.identity.IdType;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * 一户一档 as pages and the API read it. ID numbers and phones are masked here; the full value is
 * only returned by {@link HouseholdService#revealIdNumber}, which is audited.
 */
public record HouseholdFile(long id, long version, String areaCode, String areaPath, String address,
                            HukouType hukouType, String residenceAddress, HouseholdStatus status, String grid,
                            Set<HouseholdTag> tags, String closedReason, Long headPersonId, List<Member> members,
                            List<Member> formerMembers, List<Income> incomes, List<Deduction> deductions,
                            List<Asset> assets, List<Expense> expenses, List<ObligorView> obligors,
                            List<Change> history, Instant createdAt, String createdBy, Instant updatedAt,
                            String updatedBy) {

    public long countedMembers() {
        return members.stream().filter(Member::countedInChecks).count();
    }

    public record Member(long memberId, long memberVersion, long personId, long personVersion, String name,
                         IdType idType, String idNumberMasked, char sex, LocalDate birthDate, int age,
                         Relation relation, boolean counted, NotCountedReason notCountedReason, LocalDate joinedOn,
                         LocalDate leftOn, String leftReason, String phoneMasked, Short disabilityCategory,
                         Short disabilityGrade, SelfCareTier selfCareTier, boolean seriousIllness,
                         LabourAbility labourAbility, Employment employment, StudentLevel studentLevel,
                         boolean servingSentence, boolean compulsoryRehab, boolean declaredMissing,
                         boolean clergyApart, String countOverrideReason, ChildStatus childStatus,
                         ChildProgramme childProgramme, boolean countedInChecks, NotCountedReason countingReason) {

        /*
         * counted / notCountedReason / countOverrideReason are what the caseworker recorded; countedInChecks and
         * countingReason what checks apply (ADR 0016): a person's §4.1 flag keeps him out unless overridden.
         */

        /** The §4.1 flag of the person that decides his counting, or null. */
        public NotCountedReason flag() {
            return NotCountedReason.flagOf(servingSentence, compulsoryRehab, declaredMissing, clergyApart);
        }

        /** Counted although flagged, by the caseworker's override. */
        public boolean countedByOverride() {
            return countedInChecks && flag() != null;
        }
    }

    public record Income(long id, long personId, String personName, IncomeCategory category, String description,
                         BigDecimal monthlyAmount, LocalDate periodFrom, LocalDate periodTo, boolean excluded,
                         ExclusionReason exclusionReason) {
    }

    public record Deduction(long id, Long personId, String personName, DeductionType type, String description,
                            BigDecimal monthlyAmount, LocalDate periodFrom, LocalDate periodTo) {
    }

    public record Asset(long id, Long personId, String personName, AssetType type, String description,
                        BigDecimal value, int quantity, BigDecimal floorArea, boolean exempt, String exemptReason,
                        LocalDate periodFrom, LocalDate periodTo, LocalDate acquiredOn) {
    }

    public record Expense(long id, Long personId, String personName, ExpenseType type, String description,
                          BigDecimal amount, LocalDate incurredOn) {
    }

    public record ObligorView(long id, String name, IdType idType, String idNumberMasked, ObligorRelation relation,
                              Long supportedPersonId, String address, AbleToSupport ableToSupport,
                              BigDecimal monthlySupport, String note, LocalDate birthDate,
                              BigDecimal monthlyIncome, Short disabilityCategory, Short disabilityGrade,
                              ObligorStatus status, Boolean propertyWithinLimits, String overrideReason,
                              long version) {
    }

    public record Change(Instant at, String by, String type, String summary) {
    }
}
