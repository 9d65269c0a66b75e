package cn.dibao.engine;

/**
 * How a locality counts income beyond the flat parameters: the reference period and which exclusions
 * apply to which programme until when (issue 14). {@link #NATIONAL} is the national rule.
 */
public record IncomeRules() {

    public static final IncomeRules NATIONAL = new IncomeRules();
}
