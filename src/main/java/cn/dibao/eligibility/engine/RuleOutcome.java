package cn.dibao.eligibility.engine;

/**
 * One rule as applied: what was compared with what, and whether it passed. The zh-CN sentence is
 * rendered on demand ({@link #text()}), so evaluating a million households builds no strings.
 * Money values are micro-yuan, areas hundredths of m², ratios basis points.
 */
public record RuleOutcome(RuleCode code, boolean passed, String subject, long actual, long threshold, String detail) {

    static RuleOutcome of(RuleCode code, boolean passed, long actual, long threshold) {
        return new RuleOutcome(code, passed, null, actual, threshold, null);
    }

    public String text() {
        return code.render(this);
    }
}
