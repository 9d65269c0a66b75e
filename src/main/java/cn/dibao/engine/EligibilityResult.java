package cn.dibao.engine;

import cn.dibao.engine.EligibilityEngine.CareSetting;
import cn.dibao.engine.HouseholdSnapshot.Member;
import cn.dibao.engine.HouseholdSnapshot.SelfCare;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * The full, explainable outcome of a check: how the income was counted line by line, the
 * property rules, and for each programme whether the household (or a member) qualifies, by which
 * rules, and the amount with its components. Money in micro-yuan except the rounded amounts.
 */
public record EligibilityResult(YearMonth month, long standardId, String standardLabel, int countedMembers,
                                long grossIncome, long deductions, long netIncome, List<IncomeLine> incomeLines,
                                List<RuleOutcome> propertyRules, List<ProgrammeResult> programmes,
                                Programme category, BigDecimal monthlyTotal) {

    public enum LineStatus { COUNTED, EXCLUDED, NOT_MEMBER, DEDUCTED, IGNORED }

    /**
     * One item of the income computation: what it is, its amount (for an income: the average of the 收入计算期),
     * and how it was treated. {@code note} is the income kind (counted) or the exclusion category (excluded);
     * {@code reason} the item's exclusion category also when it counts for 低保; {@code detail} the averaging
     * and the exclusion per programme in words (ADR 0020, 0021), null where there is nothing to add.
     */
    public record IncomeLine(String person, String item, long amount, LineStatus status, String note, String reason,
                             String detail) {

        public IncomeLine(String person, String item, long amount, LineStatus status, String note) {
            this(person, item, amount, status, note, null, null);
        }
    }

    /**
     * A component of a benefit: what it is (a code, never its label), for which person (by id; null for
     * the household's 补差) and, for 照料护理, the care setting and the person's self-care level (null:
     * not assessed, counted as 全自理). The label is for people only: code that moves money reads the
     * codes.
     */
    public record BenefitLine(Component component, Long personId, String person, CareSetting careSetting,
                              SelfCare selfCare, long amount) {

        /** 补差, 按标准比例 (单人保 SHARE basis), 分类施保, 基本生活标准 and 照料护理 (特困). */
        public enum Component { GAP, SHARE, TOPUP, BASIC, CARE }

        static BenefitLine of(Component component, Member m, long amount) {
            return new BenefitLine(component, m == null ? null : m.personId(), m == null ? null : m.name(), null, null,
                    amount);
        }

        static BenefitLine care(Member m, CareSetting setting, long amount) {
            return new BenefitLine(Component.CARE, m.personId(), m.name(), setting, m.selfCare(), amount);
        }

        /** The 特困 care tier of a CARE line as a benefit keeps it; null for the other components. */
        public CareTier careTier() {
            return component == Component.CARE ? CareTier.of(careSetting, selfCare) : null;
        }

        /** The zh-CN label shown on the check report. */
        public String label() {
            return switch (component) {
                case GAP -> "补差";
                case SHARE -> "按标准比例";
                case TOPUP -> "分类施保";
                case BASIC -> "基本生活标准";
                case CARE -> "照料护理标准（" + (selfCare == null ? "未评估，按全自理" : switch (selfCare) {
                    case SELF_CARE -> "全自理";
                    case PARTIAL -> "半护理";
                    case FULL -> "全护理";
                }) + (careSetting == CareSetting.HOME ? "，分散供养）" : "，集中供养）");
            };
        }
    }

    /**
     * A programme's outcome. {@code persons} are the names of the persons it covers (单人保, 特困) for
     * display; {@code personIds} the same persons by id, which is what decisions use.
     */
    public record ProgrammeResult(Programme programme, boolean eligible, List<RuleOutcome> rules,
                                  List<BenefitLine> benefitLines, BigDecimal amount, List<String> persons,
                                  List<Long> personIds) {

        private static final BigDecimal NONE = BigDecimal.ZERO.setScale(2);

        ProgrammeResult(Programme programme, boolean eligible, List<RuleOutcome> rules) {
            this(programme, eligible, rules, List.of(), NONE, List.of(), List.of());
        }

        static ProgrammeResult covering(Programme programme, List<RuleOutcome> rules, List<BenefitLine> lines,
                                        BigDecimal amount, List<Member> covered) {
            if (covered.isEmpty()) {
                return new ProgrammeResult(programme, false, rules, lines, amount, List.of(), List.of());
            }
            // plain loops: this runs for every household of a 1M-household benchmark
            List<String> names = new java.util.ArrayList<>(covered.size());
            List<Long> ids = new java.util.ArrayList<>(covered.size());
            for (Member m : covered) {
                names.add(m.name());
                ids.add(m.personId());
            }
            return new ProgrammeResult(programme, true, rules, lines, amount, names, ids);
        }
    }

    public ProgrammeResult programme(Programme p) {
        return programmes.stream().filter(r -> r.programme() == p).findFirst().orElseThrow();
    }

    /** Per-capita monthly income in yuan, for display (the rules compare totals, never this). */
    public BigDecimal perCapitaIncome() {
        return countedMembers == 0 ? BigDecimal.ZERO.setScale(2)
                : Money.toYuan(netIncome).divide(BigDecimal.valueOf(countedMembers), 2, java.math.RoundingMode.HALF_UP);
    }
}
