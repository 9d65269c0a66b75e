package cn.dibao.engine;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * A household as it was in one month: the members then, the income, deductions and assets in
 * force then, and the rigid expenses of the 12 months before. Money in fen. Built by the adapter
 * from the registry (or from a payload for a preview); the engine only reads it.
 */
public record HouseholdSnapshot(YearMonth month, String areaCode, boolean urban, List<Member> members,
                                List<Income> incomes, List<Deduction> deductions, List<Asset> assets,
                                List<Expense> expenses, List<Obligor> obligors) {

    public HouseholdSnapshot {
        members = List.copyOf(members);
        incomes = List.copyOf(incomes);
        deductions = List.copyOf(deductions);
        assets = List.copyOf(assets);
        expenses = List.copyOf(expenses);
        obligors = List.copyOf(obligors);
    }

    public enum SelfCare { SELF_CARE, PARTIAL, FULL }

    public enum Labour { FULL, PARTIAL, NONE }

    /** Full-time education levels that matter: 义务教育, 普通高中, 中职 extend 特困 beyond the minor age. */
    public enum Schooling { NONE, COMPULSORY, SENIOR, VOCATIONAL, UNDERGRADUATE, POSTGRADUATE }

    public enum IncomeKind { WAGE, BUSINESS, PROPERTY, TRANSFER, OTHER }

    /**
     * 扣减 items. SOCIAL_INSURANCE (社保缴费) and SUPPORT_PAID (赡养支出 paid to someone outside the
     * household) are 转移性支出: 转移净收入 is transfer income minus them (D2 第十三条), so they are
     * always deducted, whatever the local standard says about the 刚性支出 kinds.
     */
    public enum DeductionKind { EMPLOYMENT_COST, MEDICAL, EDUCATION, REHABILITATION, RENT, SOCIAL_INSURANCE, SUPPORT_PAID }

    /** REAL_ESTATE is housing; NON_RESIDENTIAL (商铺、厂房、写字楼…) has a local rule of its own (ADR 0019). */
    public enum AssetKind { DEPOSIT, SECURITIES, INSURANCE, VEHICLE, REAL_ESTATE, BUSINESS_CAPITAL, OTHER, NON_RESIDENTIAL }

    /**
     * 就业状况, as the registry records it. For 单人保 alone (ADR 0018) a person is without employment when
     * UNEMPLOYED, RETIRED or NOT_WORKING_AGE (no work; a pension is tested as own income); EMPLOYED, FLEXIBLE
     * (灵活就业) and FARMING (务农, 经营) are employment, and UNKNOWN must be found out first.
     */
    public enum Employment {
        EMPLOYED, FLEXIBLE, UNEMPLOYED, FARMING, RETIRED, NOT_WORKING_AGE, UNKNOWN;

        public boolean none() {
            return this == UNEMPLOYED || this == RETIRED || this == NOT_WORKING_AGE;
        }
    }

    public enum ObligorAbility { YES, NO, UNKNOWN }

    /** 孤儿 or 事实无人抚养儿童 (D3; domain-rules §6.1). */
    public enum ChildStatus { ORPHAN, DE_FACTO_UNSUPPORTED }

    /** The programme such a child chose when he also meets the 特困 conditions (ADR 0017). */
    public enum ChildChoice { TEKUN, CHILD_BENEFIT }

    /**
     * A person of the household in the month. {@code counted} is the 共同生活 status (the person's §4.1 flags
     * and the caseworker's override already applied, ADR 0016); age is at the first day of the month (the
     * assessment date). {@code childStatus} and {@code childChoice} (ADR 0017) are null for other persons, and
     * the choice is null while not recorded.
     */
    public record Member(long personId, String name, int age, boolean counted, String notCountedReason,
                         Integer disabilityCategory, Integer disabilityGrade, SelfCare selfCare,
                         boolean seriousIllness, Labour labour, Schooling schooling, String relation,
                         Employment employment, ChildStatus childStatus, ChildChoice childChoice) {

        /** A member with employment recorded who is neither 孤儿 nor 事实无人抚养儿童 (ADR 0017). */
        public Member(long personId, String name, int age, boolean counted, String notCountedReason,
                      Integer disabilityCategory, Integer disabilityGrade, SelfCare selfCare, boolean seriousIllness,
                      Labour labour, Schooling schooling, String relation, Employment employment) {
            this(personId, name, age, counted, notCountedReason, disabilityCategory, disabilityGrade, selfCare,
                    seriousIllness, labour, schooling, relation, employment, null, null);
        }

        /** A child's status and choice without employment recorded (a preview, a check stored before ADR 0018). */
        public Member(long personId, String name, int age, boolean counted, String notCountedReason,
                      Integer disabilityCategory, Integer disabilityGrade, SelfCare selfCare, boolean seriousIllness,
                      Labour labour, Schooling schooling, String relation, ChildStatus childStatus,
                      ChildChoice childChoice) {
            this(personId, name, age, counted, notCountedReason, disabilityCategory, disabilityGrade, selfCare,
                    seriousIllness, labour, schooling, relation, null, childStatus, childChoice);
        }

        /** A member without employment recorded who is neither 孤儿 nor 事实无人抚养儿童 (a preview, an older check). */
        public Member(long personId, String name, int age, boolean counted, String notCountedReason,
                      Integer disabilityCategory, Integer disabilityGrade, SelfCare selfCare, boolean seriousIllness,
                      Labour labour, Schooling schooling, String relation) {
            this(personId, name, age, counted, notCountedReason, disabilityCategory, disabilityGrade, selfCare,
                    seriousIllness, labour, schooling, relation, null, null, null);
        }

        /** A member without a relation (a preview, a check stored before ADR 0025). */
        public Member(long personId, String name, int age, boolean counted, String notCountedReason,
                      Integer disabilityCategory, Integer disabilityGrade, SelfCare selfCare, boolean seriousIllness,
                      Labour labour, Schooling schooling) {
            this(personId, name, age, counted, notCountedReason, disabilityCategory, disabilityGrade, selfCare,
                    seriousIllness, labour, schooling, null);
        }

        /** 重度残疾 for 分类施保 and 单人保: grade 1–2 of any category, or grade 3 intellectual/mental. */
        public boolean severelyDisabled() {
            return severe(disabilityCategory, disabilityGrade);
        }

        /** 特困 condition 1 by disability (D3 第五条): intellectual/mental 1–3, physical 1–2, visual 1. */
        public boolean noLabourByDisability() {
            if (disabilityGrade == null || disabilityCategory == null) {
                return false;
            }
            return switch (disabilityCategory) {
                case 5, 6 -> disabilityGrade <= 3;
                case 4 -> disabilityGrade <= 2;
                case 1 -> disabilityGrade == 1;
                default -> false;
            };
        }
    }

    /**
     * An income item: its monthly amount, and {@code months}, the months of the 收入计算期 ending with the
     * snapshot's month in which it is in force (ADR 0020); null (a preview, a check stored before): the
     * amount is the month's own. {@code exclusionReason} is what the item is (its exclusion category); the
     * standard decides per programme whether it counts (ADR 0021). {@code excluded} is whether a category
     * was recorded (a check stored before ADR 0021 may carry one without a reason: left out of everything).
     */
    public record Income(long personId, IncomeKind kind, String description, long monthlyFen, boolean excluded,
                         String exclusionReason, Integer months) {

        /** An item whose amount is the month's own (a preview, a check stored before ADR 0020). */
        public Income(long personId, IncomeKind kind, String description, long monthlyFen, boolean excluded,
                      String exclusionReason) {
            this(personId, kind, description, monthlyFen, excluded, exclusionReason, null);
        }
    }

    public record Deduction(Long personId, DeductionKind kind, long monthlyFen) {
    }

    /**
     * An asset; {@code personId} its owner among the members (null: the household's), {@code acquiredOn} when
     * a home was bought (null: not recorded), for the rule on recent purchases.
     */
    public record Asset(AssetKind kind, long valueFen, int quantity, long floorAreaHundredths, boolean exempt,
                        Long personId, LocalDate acquiredOn) {

        /** An asset of the household without owner or acquisition date (a check stored before ADR 0019). */
        public Asset(AssetKind kind, long valueFen, int quantity, long floorAreaHundredths, boolean exempt) {
            this(kind, valueFen, quantity, floorAreaHundredths, exempt, null, null);
        }
    }

    public record Expense(String kind, long amountFen) {
    }

    /** 重度残疾: grade 1–2 of any category, or grade 3 intellectual (5) or mental (6). */
    static boolean severe(Integer category, Integer grade) {
        if (grade == null || category == null) {
            return false;
        }
        return grade <= 2 || (grade == 3 && (category == 5 || category == 6));
    }

    /**
     * A 法定义务人 living elsewhere ({@code supportedPersonId} null = the household), with the facts D3 第七条
     * asks for (ADR 0025). {@code ability} is the caseworker's decision: YES / NO override the facts (with
     * {@code overrideReason}), UNKNOWN lets the engine decide. {@code status} is null only in checks stored
     * before the facts existed, where UNKNOWN meant "not able". Age on the month's first day; {@code incomeFen}
     * the obligor's own monthly income. The 赡养费 he pays ({@code monthlySupportFen}) is 转移性收入 of the
     * supported person (§4.1).
     */
    public record Obligor(Long supportedPersonId, ObligorAbility ability, String name, Integer age, Long incomeFen,
                          Integer disabilityCategory, Integer disabilityGrade, String status,
                          Boolean propertyWithinLimits, String overrideReason, long monthlySupportFen) {

        /** An obligor who pays nothing (or whose payment is not recorded), without facts. */
        public Obligor(Long supportedPersonId, ObligorAbility ability) {
            this(supportedPersonId, ability, null, 0);
        }

        /** An obligor without the 第七条 facts (a preview, a check stored before them). */
        public Obligor(Long supportedPersonId, ObligorAbility ability, String name, long monthlySupportFen) {
            this(supportedPersonId, ability, name, null, null, null, null, null, null, null, monthlySupportFen);
        }
    }
}
