package cn.dibao.engine;

/**
 * 单人保 (D2 第八条 and local modes such as 阜新's, ADR 0018): who may be assessed alone. The groups that
 * qualify are local: disability of any category up to {@code disabilityGrade} (0: none), intellectual or
 * mental disability up to {@code mentalGrade}, and 重特大疾病 if {@code illness}; they apply to both modes.
 * {@code alone}: besides the D2 mode (a member of a 边缘 household), an adult ({@code adultAge}) without
 * employment in a qualifying group applies as a household of one whatever the family's income and property,
 * on his own income and his own property against the 单人保 limits. {@link #NATIONAL}: D2 only, grade 1–2
 * of any category or grade 3 intellectual/mental, and 重病.
 */
public record SingleRules(boolean alone, int adultAge, boolean illness, int disabilityGrade, int mentalGrade) {

    public static final SingleRules NATIONAL = new SingleRules(false, 18, true, 2, 3);

    /** The qualifying group of a person ("重度残疾", "重特大疾病"), or null. */
    String group(HouseholdSnapshot.Member m) {
        Integer g = m.disabilityGrade();
        Integer c = m.disabilityCategory();
        if (g != null && c != null && (g <= disabilityGrade || (c == 5 || c == 6) && g <= mentalGrade)) {
            return "重度残疾";
        }
        return illness && m.seriousIllness() ? "重特大疾病" : null;
    }
}
