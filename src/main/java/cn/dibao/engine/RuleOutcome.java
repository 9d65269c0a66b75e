package cn.dibao.engine;

/**
 * One rule as applied: what was compared with what, and whether it passed. The zh-CN sentence is
 * rendered on demand ({@link #text()}), so evaluating a million households builds no strings.
 * Money values are micro-yuan, areas hundredths of m², ratios basis points.
 */
public record RuleOutcome(RuleCode code, boolean passed, String subject, long actual, long threshold, String detail,
                          long p1, long p2) {

    static RuleOutcome of(RuleCode code, boolean passed, long actual, long threshold) {
        return new RuleOutcome(code, passed, null, actual, threshold, null, 0, 0);
    }

    /** With rendering parameters (a multiplier, a member count…) kept as numbers, not text. */
    static RuleOutcome of(RuleCode code, boolean passed, long actual, long threshold, long p1, long p2) {
        return new RuleOutcome(code, passed, null, actual, threshold, null, p1, p2);
    }

    static RuleOutcome about(RuleCode code, boolean passed, String subject, long actual, long threshold,
                             String detail) {
        return new RuleOutcome(code, passed, subject, actual, threshold, detail, 0, 0);
    }

    public String text() {
        return code.asset() && subject != null ? subject + " 本人名下" + code.render(this) : code.render(this);
    }
}
