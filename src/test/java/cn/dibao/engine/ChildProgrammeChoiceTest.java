package cn.dibao.engine;

import cn.dibao.engine.HouseholdSnapshot.ChildChoice;
import cn.dibao.engine.HouseholdSnapshot.ChildStatus;
import cn.dibao.engine.HouseholdSnapshot.Labour;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * 孤儿 / 事实无人抚养儿童 who also meet the 特困 conditions (D3; domain-rules §6.1; ADR 0017): the report names
 * the child's status; who chose the child benefit is not a 特困 person; with no choice recorded 特困 is held
 * pending and the report says to record it.
 */
class ChildProgrammeChoiceTest {

    private final EligibilityEngine engine = new EligibilityEngine();

    private EligibilityResult run(Households h) {
        return engine.evaluate(h.build(), Households.seedStandard());
    }

    private static RuleOutcome childRule(EligibilityResult r) {
        return r.programme(Programme.TEKUN).rules().stream().filter(x -> x.code() == RuleCode.TEKUN_CHILD_STATUS)
                .findFirst().orElseThrow();
    }

    /** A 10-year-old living alone with no income: he meets all three 特困 conditions. */
    @ParameterizedTest(name = "{0}, choice {1} → 特困 {2}")
    @CsvSource({
            "ORPHAN, TEKUN, true, 为孤儿，同时符合特困人员条件，已选择特困人员救助供养：认定为特困人员",
            "ORPHAN, CHILD_BENEFIT, false, 已选择孤儿、事实无人抚养儿童基本生活保障：不认定为特困人员",
            "DE_FACTO_UNSUPPORTED, CHILD_BENEFIT, false, 为事实无人抚养儿童，同时符合特困人员条件",
            "DE_FACTO_UNSUPPORTED, TEKUN, true, 为事实无人抚养儿童",
            "ORPHAN, , false, 尚未登记其选择的保障：特困认定暂缓，请在人员信息中登记所选保障后重新核对"})
    void aChildWhoMeetsTheTekunConditions(ChildStatus status, ChildChoice choice, boolean tekun, String says) {
        Households h = Households.household();
        long child = h.child("小明", 10, "HEAD", status, choice);
        EligibilityResult r = run(h);
        assertThat(r.programme(Programme.TEKUN).eligible()).isEqualTo(tekun);
        assertThat(r.programme(Programme.TEKUN).personIds().contains(child)).isEqualTo(tekun);
        RuleOutcome rule = childRule(r);
        assertThat(rule.passed()).isEqualTo(tekun);
        assertThat(rule.text()).startsWith("小明 ").contains(says);
    }

    @Test
    void aChildWithoutTheStatusIsTekunAndNoChildRuleIsReported() {
        Households h = Households.household();
        long child = h.related("小明", 10, "HEAD", null, null, Labour.NONE);
        EligibilityResult r = run(h);
        assertThat(r.programme(Programme.TEKUN).personIds()).containsExactly(child);
        assertThat(r.programme(Programme.TEKUN).rules()).noneMatch(x -> x.code() == RuleCode.TEKUN_CHILD_STATUS);
    }

    @Test
    void anOrphanWhoDoesNotMeetTheTekunConditionsIsReportedWithoutHoldingAnything() {
        Households h = Households.household();
        long orphan = h.child("小明", 10, "CHILD", ChildStatus.ORPHAN, null);
        h.income(orphan, 200_000); // his own income of 2,000 is above the 低保 standard
        EligibilityResult r = run(h);
        assertThat(r.programme(Programme.TEKUN).eligible()).isFalse();
        RuleOutcome rule = childRule(r);
        assertThat(rule.passed()).as("not what keeps him out of 特困").isTrue();
        assertThat(rule.text()).isEqualTo("小明 为孤儿；不符合特困人员条件");
    }

    @Test
    void theChoiceOfOneChildLeavesTheOtherTekunPersonsOfTheHousehold() {
        Households h = Households.household();
        long grandfather = h.related("祖父", 75, "HEAD", null, null, Labour.NONE);
        h.child("孙子", 9, "GRANDCHILD", ChildStatus.DE_FACTO_UNSUPPORTED, ChildChoice.CHILD_BENEFIT);
        long sister = h.child("孙女", 12, "GRANDCHILD", ChildStatus.DE_FACTO_UNSUPPORTED, ChildChoice.TEKUN);
        EligibilityResult r = run(h);
        assertThat(r.programme(Programme.TEKUN).personIds()).containsExactly(grandfather, sister);
        assertThat(r.programme(Programme.TEKUN).benefitLines()).hasSize(4);
    }
}
