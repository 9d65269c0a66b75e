package cn.dibao.application;

import cn.dibao.common.error.DomainException;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Random;
import java.util.stream.IntStream;

import static cn.dibao.application.Cases.REVIEWER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The county's home visit (入户抽查, domain-rules §3.6): a configurable share of cases is drawn,
 * and 近亲属备案 cases and cases with a complaint are always visited; approval waits for the visit.
 */
@IntegrationTest
class CountySamplingTest {

    @Autowired
    ApplicationService service;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    Fixtures fixtures;

    @Autowired
    Cases cases;

    @BeforeEach
    void setUp() {
        cases.on(LocalDate.of(2026, 3, 2));
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ---- the sampler --------------------------------------------------------------------------

    @Test
    void thirtyPercentOfTenThousandDrawsLandWithinTwoPoints() {
        CountySampler sampler = new CountySampler(new Random(20_261_123L));
        long drawn = IntStream.range(0, 10_000).filter(i -> sampler.draw(new BigDecimal("30"))).count();
        assertThat(drawn).isBetween(2_800L, 3_200L);
    }

    @Test
    void noneAtZeroAndAllAtAHundred() {
        CountySampler sampler = new CountySampler(new Random(7L));
        assertThat(IntStream.range(0, 10_000).filter(i -> sampler.draw(BigDecimal.ZERO)).count()).isZero();
        assertThat(IntStream.range(0, 10_000).filter(i -> sampler.draw(new BigDecimal("100.00"))).count())
                .isEqualTo(10_000);
    }

    @Test
    void aFractionalShareIsKeptInBasisPoints() {
        CountySampler sampler = new CountySampler(new Random(11L));
        long drawn = IntStream.range(0, 10_000).filter(i -> sampler.draw(new BigDecimal("0.50"))).count();
        assertThat(drawn).isBetween(20L, 90L); // 0.5 % of 10,000 = 50, not 0
    }

    // ---- through the workflow -----------------------------------------------------------------

    /** At 0 % an ordinary case is never visited and may be approved at once. */
    @Test
    void atZeroPercentAnOrdinaryCaseIsNotVisited() {
        Cases.Township t = cases.township(false, "0");
        String caseworker = fixtures.user(t.code(), Fixtures.DEMO_PASSWORD, "CASEWORKER");
        long id = cases.awaitingDecision(caseworker, cases.household(t.village()), false);
        ApplicationView v = cases.view(id);
        assertThat(v.sampled()).isFalse();
        assertThat(v.visitRequired()).isFalse();
        cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null)));
        assertThat(cases.state(id)).isEqualTo(ApplicationState.APPROVED);
    }

    /** At 100 % every case is visited. */
    @Test
    void atAHundredPercentEveryCaseIsVisited() {
        Cases.Township t = cases.township(false, "100");
        String caseworker = fixtures.user(t.code(), Fixtures.DEMO_PASSWORD, "CASEWORKER");
        long id = cases.awaitingDecision(caseworker, cases.household(t.village()), false);
        assertThat(cases.view(id).sampled()).isTrue();
        assertVisitNeededBeforeApproval(id);
    }

    /** Even at 0 %: a 近亲属备案 case, and cases with a complaint before or during the decision. */
    @Test
    void nearRelativeAndComplaintCasesAreAlwaysVisited() {
        Cases.Township t = cases.township(false, "0");
        String caseworker = fixtures.user(t.code(), Fixtures.DEMO_PASSWORD, "CASEWORKER");

        long nearRelative = cases.awaitingDecision(caseworker, cases.household(t.village()), true);
        assertThat(cases.view(nearRelative).sampled()).isTrue();
        assertVisitNeededBeforeApproval(nearRelative);

        // a complaint during the investigation
        cases.on(LocalDate.of(2026, 3, 2));
        long complainedEarly = cases.accept(caseworker, cases.household(t.village()));
        cases.run(caseworker, () -> {
            service.startInvestigation(complainedEarly);
            service.recordComplaint(complainedEarly, Cases.reason("群众举报其有车辆"));
        });
        cases.run(caseworker, () -> {
            service.recordHomeVisit(complainedEarly, Cases.visit(cases.today()));
            service.requestVerification(complainedEarly);
            service.recordVerificationResult(complainedEarly, new ApplicationInput.VerificationResult(
                    ApplicationInput.VerificationOutcome.CONSISTENT, "名下无车辆"));
            service.submitInvestigation(complainedEarly);
        });
        cases.review(caseworker, complainedEarly);
        cases.closePublicity(caseworker, complainedEarly);
        assertThat(cases.view(complainedEarly).complaint()).isTrue();
        assertVisitNeededBeforeApproval(complainedEarly);

        // a complaint reaching the county while it decides (a case not drawn)
        cases.on(LocalDate.of(2026, 3, 2));
        long complainedLate = cases.awaitingDecision(caseworker, cases.household(t.village()), false);
        assertThat(cases.view(complainedLate).visitRequired()).isFalse();
        cases.run(REVIEWER, () -> service.recordComplaint(complainedLate, Cases.reason("来信反映其隐瞒收入")));
        ApplicationView v = cases.view(complainedLate);
        assertThat(v.complaint()).isTrue();
        assertThat(v.visitRequired()).isTrue();
        assertVisitNeededBeforeApproval(complainedLate);
    }

    private void assertVisitNeededBeforeApproval(long id) {
        assertThat(cases.view(id).visitRequired()).isTrue();
        assertThatThrownBy(() -> cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null))))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.approve.visitMissing");
        assertThat(cases.state(id)).isEqualTo(ApplicationState.AWAITING_DECISION);
        cases.countyVisit(REVIEWER, id);
        assertThat(cases.view(id).visitDoneOn()).isEqualTo(cases.today());
        cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null)));
        assertThat(cases.state(id)).isEqualTo(ApplicationState.APPROVED);
    }
}
