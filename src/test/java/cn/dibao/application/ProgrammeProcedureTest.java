package cn.dibao.application;

import cn.dibao.common.error.DomainException;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.Login;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashSet;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The time limits, 公示 and county sampling share of the programme applied for (ADR 0024), under a township
 * standard inserted without its programme rows, so with the national defaults of each (V20): 低保 and the
 * programmes following it as D2 (3 WD to start, no township limit of its own, 7-day 公示 not counted, county
 * 10 WD, 30 WD in all); 特困 15 WD for the township and 15 for the county; 临时救助 1 WD to start, 5 WD for the
 * township, a 5-working-day 公示 counted in 15 WD in all, county 5 WD. Accepted on Monday 2 March 2026 (no
 * holiday before 清明 on 4–6 April).
 */
@IntegrationTest
class ProgrammeProcedureTest {

    private static final LocalDate MONDAY = LocalDate.of(2026, 3, 2);
    /** Everything any of the programmes here requires. */
    private static final Set<String> MATERIALS = materials();

    @Autowired
    ApplicationService service;
    @Autowired
    MutableClock clock;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Cases cases;
    @Autowired
    MockMvc mvc;

    private Cases.Township township;
    private String caseworker;

    @BeforeEach
    void setUp() {
        cases.on(MONDAY);
        township = cases.township(false, "0");
        caseworker = fixtures.user(township.code(), Fixtures.DEMO_PASSWORD, "CASEWORKER");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    static Stream<Arguments> timeLimits() {
        return Stream.of(
                // type applied for, start of the investigation due, township due (null: none), whole limit,
                // 公示 (初审 on Tuesday 3 March) ends, county decision due (公示 closed the day after it ends)
                arguments(AssistanceType.TEKUN_SCATTERED, "2026-03-05", "2026-03-23", "2026-04-21", "2026-03-09",
                        "2026-03-31"),
                arguments(AssistanceType.TEKUN_CENTRALIZED, "2026-03-05", "2026-03-23", "2026-04-21", "2026-03-09",
                        "2026-03-31"),
                arguments(AssistanceType.DIBAO, "2026-03-05", null, "2026-04-21", "2026-03-09", "2026-03-24"),
                arguments(AssistanceType.DIBAO_SINGLE, "2026-03-05", null, "2026-04-21", "2026-03-09", "2026-03-24"),
                arguments(AssistanceType.DIBAO_EDGE, "2026-03-05", null, "2026-04-21", "2026-03-09", "2026-03-24"),
                arguments(AssistanceType.RIGID_EXPENDITURE, "2026-03-05", null, "2026-04-21", "2026-03-09",
                        "2026-03-24"),
                // 5 working days of 公示 from Tuesday 3 March end on Monday 9 March; counted, they do not move the total
                arguments(AssistanceType.TEMP_EXPENDITURE, "2026-03-03", "2026-03-09", "2026-03-23", "2026-03-09",
                        "2026-03-17"));
    }

    /**
     * Each programme's limits: a 特困 case gets the township's 15 WD (and the county's 15) while a 低保 case has
     * no township limit of its own (and the county 10); 临时救助 its own, shorter ones. The 7 calendar days of 公示
     * (3–9 March, 5 working days) are not counted for 低保 and 特困: their 30 WD move to 35, 21 April.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("timeLimits")
    void theProgrammeAppliedForSetsTheTimeLimits(AssistanceType type, String startDue, String townshipDue,
                                                  String totalDue, String publicityEnd, String countyDue) {
        long id = cases.accept(caseworker, cases.inHardship(cases.household(township.village())), type, MATERIALS, false);
        ApplicationView v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.ACCEPTED);
        assertThat(v.stepDue().due()).isEqualTo(startDue);

        cases.on(MONDAY.plusDays(1));
        cases.run(caseworker, () -> service.startInvestigation(id));
        v = cases.view(id);
        if (townshipDue == null) {
            assertThat(v.stepDue()).as("no township limit of its own").isNull();
        } else {
            assertThat(v.stepDue().due()).isEqualTo(townshipDue);
        }
        cases.run(caseworker, () -> {
            service.recordHomeVisit(id, Cases.visit(cases.today()));
            service.requestVerification(id);
            service.recordVerificationResult(id, new ApplicationInput.VerificationResult(
                    ApplicationInput.VerificationOutcome.CONSISTENT, "核对结果与申报一致"));
            service.submitInvestigation(id);
        });
        if (townshipDue != null) {
            assertThat(cases.view(id).stepDue().due()).as("until the 初审").isEqualTo(townshipDue);
        }
        cases.review(caseworker, id, type.oneOff() ? new BigDecimal("1000.00") : null);
        v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.PUBLICITY);
        assertThat(v.publicities()).singleElement().satisfies(p -> assertThat(p.endsOn()).isEqualTo(publicityEnd));
        assertThat(v.totalDue().due()).isEqualTo(totalDue);

        cases.closePublicity(caseworker, id);
        v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.AWAITING_DECISION);
        assertThat(v.stepDue().due()).isEqualTo(countyDue);
        assertThat(v.totalDue().due()).isEqualTo(totalDue);
    }

    /** A changed township limit of 特困 moves only 特困 cases; extended, the whole limit is 特困's own too. */
    @Test
    void aProgrammesSettingIsItsOwn() {
        cases.procedure(township.code(), "TEKUN", "township_wd = 10, total_extended_wd = 50");
        long tekun = cases.accept(caseworker, cases.household(township.village()), AssistanceType.TEKUN_SCATTERED,
                MATERIALS, false);
        long dibao = cases.accept(caseworker, cases.household(township.village()), AssistanceType.DIBAO, MATERIALS,
                false);
        cases.run(caseworker, () -> {
            service.startInvestigation(tekun);
            service.startInvestigation(dibao);
            service.extend(tekun, Cases.reason("需核实赡养人情况"));
            service.extend(dibao, Cases.reason("需核实外地房产"));
        });
        assertThat(cases.view(tekun).stepDue().due()).isEqualTo("2026-03-16"); // 10 WD after 2 March
        assertThat(cases.view(dibao).stepDue()).isNull();
        assertThat(cases.view(tekun).totalDue().due()).isEqualTo("2026-05-14"); // 50 WD (清明 4–6 April, 劳动节 1–5 May)
        assertThat(cases.view(dibao).totalDue().due()).isEqualTo("2026-05-08"); // 45 WD
    }

    static Stream<Arguments> publicity() {
        return Stream.of(
                // type, 临时救助's 公示 held, the state after an eligible 初审, 公示 rows
                arguments(AssistanceType.TEMP_EXPENDITURE, false, ApplicationState.AWAITING_DECISION, 0),
                arguments(AssistanceType.TEMP_EXPENDITURE, true, ApplicationState.PUBLICITY, 1),
                arguments(AssistanceType.DIBAO, false, ApplicationState.PUBLICITY, 1));
    }

    /** 临时救助 without 公示 goes from the 初审 to the decision; 低保 in the same township still has its 公示. */
    @ParameterizedTest(name = "{0}, 临时救助 公示 held {1}")
    @MethodSource("publicity")
    void aProgrammeWithoutPublicitySkipsIt(AssistanceType type, boolean tempReliefHeld, ApplicationState after,
                                           int publicities) {
        cases.procedure(township.code(), "TEMP_RELIEF", "publicity_held = ?", tempReliefHeld);
        long id = cases.accept(caseworker, cases.inHardship(cases.household(township.village())), type, MATERIALS, false);
        cases.investigate(caseworker, id);
        BigDecimal amount = type.oneOff() ? new BigDecimal("2000.00") : null;
        boolean held = type != AssistanceType.TEMP_EXPENDITURE || tempReliefHeld;
        ApplicationInput.Review review = new ApplicationInput.Review(YearMonth.from(cases.today()), true,
                "经调查核实，符合条件", held ? "村务公开栏" : null, amount, null, null, null, null);
        cases.run(caseworker, () -> service.townshipReview(id, review));

        ApplicationView v = cases.view(id);
        assertThat(v.state()).isEqualTo(after);
        assertThat(v.publicities()).hasSize(publicities);
        assertThat(v.publicityHeld()).isEqualTo(held);
        if (!held) {
            assertThat(v.timeline()).last().satisfies(e -> assertThat(e.comment()).isEqualTo(
                    "初审认为符合条件（本类救助不公示）：经调查核实，符合条件"));
            assertThat(v.stepDue().due()).as("the county's 5 WD from the 初审").isEqualTo("2026-03-09");
            assertThat(v.proposedAmount()).isEqualByComparingTo("2000.00");
        }
    }

    /** Without a 公示 a location would be dropped: refused on its field; held, it is required. */
    @Test
    void aLocationIsRefusedWhereNoPublicityIsHeld() {
        cases.procedure(township.code(), "TEMP_RELIEF", "publicity_held = false");
        long id = cases.accept(caseworker, cases.inHardship(cases.household(township.village())), AssistanceType.TEMP_EXPENDITURE,
                MATERIALS, false);
        cases.investigate(caseworker, id);
        assertThatThrownBy(() -> cases.review(caseworker, id, new BigDecimal("2000.00")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("location");
                    assertThat(e.messageKey()).isEqualTo("application.publicity.notHeld");
                });
        assertThat(cases.state(id)).isEqualTo(ApplicationState.TOWNSHIP_REVIEW);

        long dibao = cases.accept(caseworker, cases.household(township.village()));
        cases.investigate(caseworker, dibao);
        assertThatThrownBy(() -> cases.run(caseworker, () -> service.townshipReview(dibao,
                new ApplicationInput.Review(YearMonth.from(cases.today()), true, "符合条件", " ", null, null, null,
                        null, null))))
                .isInstanceOfSatisfying(DomainException.class, e -> assertThat(e.messageKey())
                        .isEqualTo("application.publicity.location.required"));
    }

    /** The 初审 form asks for a 公示 location only where the case's programme holds a 公示. */
    @Test
    void theReviewFormAsksForALocationOnlyWhereAPublicityIsHeld() throws Exception {
        cases.procedure(township.code(), "TEMP_RELIEF", "publicity_held = false");
        long temp = cases.accept(caseworker, cases.inHardship(cases.household(township.village())), AssistanceType.TEMP_EXPENDITURE,
                MATERIALS, false);
        long dibao = cases.accept(caseworker, cases.household(township.village()));
        cases.run(caseworker, () -> {
            service.startInvestigation(temp);
            service.startInvestigation(dibao);
        });
        for (long id : new long[]{temp, dibao}) {
            cases.run(caseworker, () -> {
                service.recordHomeVisit(id, Cases.visit(cases.today()));
                service.requestVerification(id);
                service.recordVerificationResult(id, new ApplicationInput.VerificationResult(
                        ApplicationInput.VerificationOutcome.CONSISTENT, "核对结果与申报一致"));
                service.submitInvestigation(id);
            });
        }
        MockHttpSession session = Login.as(mvc, caseworker, Fixtures.DEMO_PASSWORD);
        String tempPage = mvc.perform(get("/applications/" + temp).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        String dibaoPage = mvc.perform(get("/applications/" + dibao).session(session)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(tempPage).contains("id=\"review-form\"").doesNotContain("name=\"location\"")
                .contains("name=\"amount\"");
        assertThat(dibaoPage).contains("id=\"review-form\"").contains("name=\"location\"")
                .doesNotContain("name=\"amount\"");
    }

    static Stream<Arguments> sampling() {
        return Stream.of(
                // type, 特困's share, 低保's share, drawn
                arguments(AssistanceType.TEKUN_SCATTERED, "100", "0", true),
                arguments(AssistanceType.DIBAO, "100", "0", false),
                arguments(AssistanceType.DIBAO_SINGLE, "100", "0", false),
                arguments(AssistanceType.TEKUN_SCATTERED, "0", "100", false),
                arguments(AssistanceType.DIBAO, "0", "100", true),
                arguments(AssistanceType.DIBAO_SINGLE, "0", "100", true));
    }

    /** The county draws at the share of the case's programme (some provinces visit ≥ 50 % of 特困 cases). */
    @ParameterizedTest(name = "{0}: 特困 {1} %, 低保 {2} %")
    @MethodSource("sampling")
    void theCountyDrawsAtTheProgrammesShare(AssistanceType type, String tekunPct, String dibaoPct, boolean drawn) {
        cases.procedure(township.code(), "TEKUN", "county_sampling_pct = ?", new BigDecimal(tekunPct));
        cases.procedure(township.code(), "DIBAO", "county_sampling_pct = ?", new BigDecimal(dibaoPct));
        long id = cases.accept(caseworker, cases.inHardship(cases.household(township.village())), type, MATERIALS, false);
        cases.investigate(caseworker, id);
        cases.review(caseworker, id);
        cases.closePublicity(caseworker, id);
        ApplicationView v = cases.view(id);
        assertThat(v.sampled()).isEqualTo(drawn);
        assertThat(v.visitRequired()).isEqualTo(drawn);
    }

    private static Set<String> materials() {
        Set<String> all = new HashSet<>(Cases.ALL_MATERIALS);
        all.addAll(Set.of("OBLIGOR_AUTHORISATION", "CARE_ASSESSMENT", "EXPENSE_RECEIPTS", "ILLNESS_PROOF"));
        return Set.copyOf(all);
    }
}
