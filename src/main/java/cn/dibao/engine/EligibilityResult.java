package cn.dibao.engine;

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

    /** One item of the income computation: what it is, its amount, and how it was treated. */
    public record IncomeLine(String person, String item, long amount, LineStatus status, String note) {
    }

    /** A component of a benefit, e.g. 补差, 分类施保 for one person, basic living, care. */
    public record BenefitLine(String person, String component, long amount) {
    }

    public record ProgrammeResult(Programme programme, boolean eligible, List<RuleOutcome> rules,
                                  List<BenefitLine> benefitLines, BigDecimal amount, List<String> persons) {
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
