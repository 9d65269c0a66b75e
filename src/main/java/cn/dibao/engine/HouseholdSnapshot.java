package cn.dibao.engine;

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

    public enum AssetKind { DEPOSIT, SECURITIES, INSURANCE, VEHICLE, REAL_ESTATE, BUSINESS_CAPITAL, OTHER }

    public enum ObligorAbility { YES, NO, UNKNOWN }

    /**
     * A person of the household in the month. {@code counted} is the 共同生活 status; age is at the
     * first day of the month (the assessment date).
     */
    public record Member(long personId, String name, int age, boolean counted, String notCountedReason,
                         Integer disabilityCategory, Integer disabilityGrade, SelfCare selfCare,
                         boolean seriousIllness, Labour labour, Schooling schooling) {

        /** 重度残疾 for 分类施保 and 单人保: grade 1–2 of any category, or grade 3 intellectual/mental. */
        public boolean severelyDisabled() {
            if (disabilityGrade == null || disabilityCategory == null) {
                return false;
            }
            return disabilityGrade <= 2 || (disabilityGrade == 3 && (disabilityCategory == 5 || disabilityCategory == 6));
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

    public record Income(long personId, IncomeKind kind, String description, long monthlyFen, boolean excluded,
                         String exclusionReason) {
    }

    public record Deduction(Long personId, DeductionKind kind, long monthlyFen) {
    }

    public record Asset(AssetKind kind, long valueFen, int quantity, long floorAreaHundredths, boolean exempt) {
    }

    public record Expense(String kind, long amountFen) {
    }

    /**
     * A person liable for support living elsewhere; {@code supportedPersonId} null = the household.
     * The 赡养费 he pays ({@code monthlySupportFen}) is 转移性收入 of the supported person (§4.1).
     */
    public record Obligor(Long supportedPersonId, ObligorAbility ability, String name, long monthlySupportFen) {

        /** An obligor who pays nothing (or whose payment is not recorded). */
        public Obligor(Long supportedPersonId, ObligorAbility ability) {
            this(supportedPersonId, ability, null, 0);
        }
    }
}
