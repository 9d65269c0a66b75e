package cn.dibao.engine;

/**
 * The property tests a locality sets beyond the flat 低保 limits: limits per programme, other assets,
 * recent home purchases, non-residential property (issue 14). {@link #NATIONAL}: the 低保 limits for all.
 */
public record PropertyRules() {

    public static final PropertyRules NATIONAL = new PropertyRules();
}
