package cn.dibao.engine;

import cn.dibao.engine.HouseholdSnapshot.IncomeKind;
import cn.dibao.engine.HouseholdSnapshot.Labour;
import cn.dibao.engine.HouseholdSnapshot.ObligorAbility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 特困 condition 3 as D3 第七条 says (issue 14, ADR 0025): who is an obligor (spouse, parent, child — by
 * relation, not age), and when an obligor cannot support. The standard's 上年人均可支配收入 is 48,000 a
 * year (4,000 a month).
 */
class TekunObligorTest {

    private final EligibilityEngine engine = new EligibilityEngine();

    private EligibilityResult run(Households h) {
        return engine.evaluate(h.build(), Households.seedStandard());
    }

    private static boolean tekun(EligibilityResult r) {
        return r.programme(Programme.TEKUN).eligible();
    }

    private static String obligorRule(EligibilityResult r) {
        return r.programme(Programme.TEKUN).rules().stream().filter(x -> x.code() == RuleCode.TEKUN_OBLIGOR)
                .map(RuleOutcome::text).findFirst().orElseThrow();
    }

    /** A severely disabled son of 40 living with his mother, whose own income is a pension. */
    @ParameterizedTest(name = "mother {0}, pension {1} fen → she can support: {2}")
    @CsvSource({
            "65, 300000, true",   // the 65-year-old mother with a 3,000 pension supports her disabled son
            "70, 300000, false",  // 70+ with income below 4,000 a month and property in limits cannot
            "70, 450000, true",   // 70+ with 4,500 a month can
            "69, 100000, true"})  // under 70 and not disabled: able whatever her income
    void aMotherLivingWithHerDisabledSon(int age, long pensionFen, boolean able) {
        Households h = Households.household();
        h.related("儿子", 40, "HEAD", 4, 1, Labour.NONE);
        long mother = h.related("母亲", age, "PARENT", null, null, Labour.NONE);
        h.income(mother, IncomeKind.TRANSFER, pensionFen);
        EligibilityResult r = run(h);
        assertThat(tekun(r)).as(r.programme(Programme.TEKUN).rules().toString()).isEqualTo(!able);
        assertThat(obligorRule(r)).startsWith("义务人 母亲（" + age + " 岁）").contains(able ? "有履行义务能力" : "无履行义务能力");
    }

    @ParameterizedTest(name = "father outside: category {0} grade {1}, income {2}, property {3} → able {4}")
    @CsvSource({
            "2, 1, 0, true, false",      // a grade-1 deaf father with no income does not count as able
            "2, 4, 0, true, true",       // grade 4 is not 重度残疾
            "2, 1, 0, false, true",      // property above the limits: able
            "2, 1, 500000, true, true",  // income of 5,000 a month: able
            "5, 3, 0, true, false"})     // grade-3 intellectual counts as severe
    void aDisabledFatherLivingElsewhere(int category, int grade, long incomeFen, boolean property, boolean able) {
        Households h = Households.household();
        long son = h.related("儿子", 30, "HEAD", 4, 1, Labour.NONE);
        h.obligorFacts(son, "父亲", 58, incomeFen, category, grade, "NONE", property);
        assertThat(tekun(run(h))).isEqualTo(!able);
    }

    @ParameterizedTest(name = "obligor status {0}, age {1}, property {2} → able {3}")
    @CsvSource({
            "TEKUN, 50, false, false",
            "DIBAO, 62, false, false",
            "DIBAO, 55, false, true",            // a 低保 recipient under 60 can
            "SERVING_SENTENCE, 40, true, false",
            "SERVING_SENTENCE, 40, false, true", // in prison but with property above the limits
            "MISSING, 40, true, false",
            "INCAPACITATED, 40, true, false",
            "NONE, 40, true, true"})
    void anObligorsStatus(String status, int age, boolean property, boolean able) {
        Households h = Households.household();
        long elder = h.related("老人", 80, "HEAD", null, null, Labour.NONE);
        h.obligorFacts(elder, "子女", age, 600_000L, null, null, status, property);
        assertThat(tekun(run(h))).isEqualTo(!able);
    }

    @Test
    void aChildlessCoupleOf72And75AreTwoTekunPersons() {
        Households h = Households.household();
        long husband = h.related("丈夫", 75, "HEAD", null, null, Labour.NONE);
        long wife = h.related("妻子", 72, "SPOUSE", null, null, Labour.NONE);
        EligibilityResult r = run(h);
        assertThat(r.programme(Programme.TEKUN).personIds()).containsExactly(husband, wife);
        assertThat(r.programme(Programme.TEKUN).benefitLines()).hasSize(4); // basic + care, each
        assertThat(obligorRule(r)).contains("无履行义务能力：本人符合特困人员条件");

        Households withSon = Households.household();
        withSon.related("丈夫", 75, "HEAD", null, null, Labour.NONE);
        withSon.related("妻子", 72, "SPOUSE", null, null, Labour.NONE);
        withSon.related("儿子", 45, "CHILD", null, null, Labour.FULL);
        assertThat(tekun(run(withSon))).isFalse();
    }

    @Test
    void coResidentsAreObligorsByRelationNotByAge() {
        Households sibling = Households.household();
        sibling.related("户主", 50, "HEAD", 5, 2, Labour.NONE);
        sibling.related("弟弟", 40, "SIBLING", null, null, Labour.FULL);
        assertThat(tekun(run(sibling))).as("a brother is not a listed obligor").isTrue();

        Households spouse = Households.household();
        spouse.related("户主", 50, "HEAD", 5, 2, Labour.NONE);
        spouse.related("妻子", 45, "SPOUSE", null, null, Labour.FULL);
        assertThat(tekun(run(spouse))).isFalse();

        // a spouse of 65 with a 3,000 pension is neither 70 nor disabled: an able obligor under 第七条
        Households oldSpouse = Households.household();
        oldSpouse.related("户主", 50, "HEAD", 5, 2, Labour.NONE);
        long wife = oldSpouse.related("妻子", 65, "SPOUSE", null, null, Labour.NONE);
        oldSpouse.income(wife, IncomeKind.TRANSFER, 300_000);
        assertThat(tekun(run(oldSpouse))).isFalse();
        // without income she meets 特困 conditions 1 and 2 herself, so she cannot support: both are 特困
        Households poorSpouse = Households.household();
        poorSpouse.related("户主", 50, "HEAD", 5, 2, Labour.NONE);
        poorSpouse.related("妻子", 65, "SPOUSE", null, null, Labour.NONE);
        assertThat(run(poorSpouse).programme(Programme.TEKUN).personIds()).hasSize(2);
    }

    @Test
    void theCaseworkersDecisionNeedsAReasonAndShowsInTheReport() {
        Households able = Households.household();
        long elder = able.related("老人", 80, "HEAD", null, null, Labour.NONE);
        able.obligorDecided(elder, "儿子", ObligorAbility.YES, "在外地经商，收入稳定");
        EligibilityResult r = run(able);
        assertThat(tekun(r)).isFalse();
        assertThat(obligorRule(r)).contains("儿子（在外地经商，收入稳定）").contains("有履行义务能力：经办人认定");

        Households unable = Households.household();
        long elder2 = unable.related("老人", 80, "HEAD", null, null, Labour.NONE);
        unable.obligorDecided(elder2, "儿子", ObligorAbility.NO, "长期失联，经村委会证明");
        assertThat(tekun(run(unable))).isTrue();
    }

    @Test
    void anObligorWhoseFactsAreNotRecordedIsNotYetVerified() {
        Households h = Households.household();
        long elder = h.related("老人", 80, "HEAD", null, null, Labour.NONE);
        h.obligorFacts(elder, "女儿", null, null, null, null, "NONE", null);
        EligibilityResult r = run(h);
        assertThat(tekun(r)).isFalse();
        assertThat(r.programme(Programme.TEKUN).rules()).filteredOn(x -> x.code() == RuleCode.TEKUN_NO_OBLIGOR)
                .singleElement().satisfies(x -> assertThat(x.text()).contains("女儿 履行能力尚未核实"));
    }

    @Test
    void aCheckStoredBeforeRelationsKeepsTheFormerCoResidentRule() {
        Households h = Households.household();
        h.member("户主", 50, true, 5, 2, null, false, Labour.NONE, HouseholdSnapshot.Schooling.NONE);
        h.member("弟弟", 40, true, null, null, null, false, Labour.FULL, HouseholdSnapshot.Schooling.NONE);
        assertThat(tekun(run(h))).as("an able adult of 18–59 rules 特困 out, as before").isFalse();
        h.obligor(null, ObligorAbility.UNKNOWN);
        assertThat(run(h).programme(Programme.TEKUN).rules()).noneMatch(x -> x.code() == RuleCode.TEKUN_OBLIGOR);
    }
}
