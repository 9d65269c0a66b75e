package cn.dibao.application;

import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.dibao.application.Cases.ALL_MATERIALS;
import static cn.dibao.application.Cases.CASEWORKER;
import static cn.dibao.application.Cases.REVIEWER;
import static cn.dibao.application.Cases.outcome;
import static cn.dibao.application.Cases.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The decision (domain-rules §3.6–3.7): who may take it (four-eyes, level), and what it produces. */
@IntegrationTest
class ApplicationDecisionTest {

    @Autowired
    ApplicationService service;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MutableClock clock;
    @Autowired
    Fixtures fixtures;
    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    Cases cases;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * Four-eyes: staff holding both roles (county scope, so they may take part in the township's
     * work) each do one step of intake or investigation; none of them may then approve or refuse,
     * nor may a plain reviewer who entered the 核对 result. The reviewer who only made the county's
     * home visit may decide.
     */
    @Test
    void whoeverAcceptedOrInvestigatedCannotDecide() {
        String accepted = dualRole();
        String started = dualRole();
        String visited = dualRole();
        String interviewed = dualRole();
        String requested = dualRole();
        String verified = fixtures.user(Fixtures.COUNTY, Fixtures.DEMO_PASSWORD, "REVIEWER");
        String submitted = dualRole();

        cases.on(LocalDate.of(2026, 3, 2));
        Cases.Household h = cases.household(Fixtures.VILLAGE_A);
        long id = cases.accept(accepted, h, AssistanceType.DIBAO, ALL_MATERIALS, true);
        cases.run(started, () -> service.startInvestigation(id));
        cases.run(visited, () -> service.recordHomeVisit(id, Cases.visit(cases.today())));
        cases.run(interviewed, () -> service.recordInterview(id, new ApplicationInput.Interview(cases.today(),
                "邻居", "情况属实")));
        cases.run(requested, () -> service.requestVerification(id));
        cases.run(verified, () -> service.recordVerificationResult(id, new ApplicationInput.VerificationResult(
                ApplicationInput.VerificationOutcome.CONSISTENT, "一致")));
        cases.run(submitted, () -> service.submitInvestigation(id));
        cases.review(CASEWORKER, id);
        cases.closePublicity(CASEWORKER, id);
        cases.countyVisit(REVIEWER, id);

        Map<String, String> took = Map.of(accepted, "ACCEPT", started, "START_INVESTIGATION", visited, "HOME_VISIT",
                interviewed, "NEIGHBOUR_INTERVIEW", requested, "VERIFICATION_REQUESTED", verified,
                "VERIFICATION_RESULT", submitted, "SUBMIT_INVESTIGATION");
        took.forEach((user, step) -> {
            assertThatThrownBy(() -> cases.run(user, () -> service.approve(id, new ApplicationInput.Approve(null))))
                    .as("approve after " + step).isInstanceOf(ForbiddenActionException.class)
                    .hasMessageContaining("application.fourEyes");
            assertThatThrownBy(() -> cases.run(user, () -> service.refuse(id, Cases.reason("不符合"))))
                    .as("refuse after " + step).isInstanceOf(ForbiddenActionException.class)
                    .hasMessageContaining("application.fourEyes");
        });
        assertThat(cases.state(id)).isEqualTo(ApplicationState.AWAITING_DECISION);

        // another reviewer decides
        cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null)));
        ApplicationView v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.APPROVED);
        assertThat(v.decidedBy()).isEqualTo(REVIEWER);
        assertThat(v.acceptedBy()).isEqualTo(accepted);
    }

    /** A township-scoped reviewer cannot decide (nor visit for) a case the county decides. */
    @Test
    void aTownshipReviewerCannotTakeTheCountysDecision() {
        String townshipReviewer = fixtures.user(Fixtures.TOWNSHIP_A, Fixtures.DEMO_PASSWORD, "REVIEWER");
        cases.on(LocalDate.of(2026, 3, 2));
        long id = cases.awaitingDecision(CASEWORKER, cases.household(Fixtures.VILLAGE_A), true);

        assertThatThrownBy(() -> cases.run(townshipReviewer,
                () -> service.approve(id, new ApplicationInput.Approve(null))))
                .isInstanceOf(ForbiddenActionException.class).hasMessageContaining("application.countyOnly");
        assertThatThrownBy(() -> cases.run(townshipReviewer, () -> service.refuse(id, Cases.reason("不符合"))))
                .isInstanceOf(ForbiddenActionException.class).hasMessageContaining("application.countyOnly");
        assertThatThrownBy(() -> cases.run(townshipReviewer,
                () -> service.recordHomeVisit(id, Cases.visit(cases.today()))))
                .isInstanceOf(ForbiddenActionException.class).hasMessageContaining("application.countyOnly");
        assertThat(cases.view(id).visitDoneOn()).isNull();
    }

    /**
     * Approval fixes the amount of the 初审's check and pays from the month after the decision: one
     * benefit, its components adding up to the amount. Here the head is 76 (分类施保 50) and earns
     * 1500.40: 855 × 3 − 1500.40 + 50 = 1114.60, rounded up to the yuan: 1115 (补差 1065 incl. the
     * rounding, 分类施保 50).
     */
    @Test
    void approvalCreatesExactlyOneBenefitFromTheMonthAfterTheDecision() {
        cases.on(LocalDate.of(2026, 3, 2));
        Cases.Household h = cases.household(Fixtures.VILLAGE_A, "1500.40", LocalDate.of(1950, 3, 1));
        long id = cases.awaitingDecision(CASEWORKER, h, false);
        ApplicationView v = cases.view(id);
        assertThat(v.proposedCategory()).isEqualTo(cn.dibao.engine.Programme.DIBAO);
        assertThat(v.proposedAmount()).isEqualByComparingTo("1115.00");
        if (v.visitRequired()) {
            cases.countyVisit(REVIEWER, id);
        }

        cases.on(LocalDate.of(2026, 3, 31));
        cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve("同意纳入")));
        v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.APPROVED);
        assertThat(v.decision()).isEqualTo(Decision.APPROVED);
        assertThat(v.decidedOn()).isEqualTo("2026-03-31");
        assertThat(v.decisionReason()).isEqualTo("同意纳入");
        assertThat(v.stepDue()).isNull();
        assertThat(v.totalDue().status()).isEqualTo(Deadline.Status.DONE);
        assertThat(v.postCheckRequired()).isFalse(); // not delegated: the county decided itself
        assertThat(cases.benefits(id)).isEqualTo(1);
        Map<String, Object> b = jdbc.queryForMap("select * from benefit where application_id = ?", id);
        assertThat(v.benefitIds()).containsExactly((Long) b.get("id"));
        assertThat(b.get("household_id")).isEqualTo(h.id());
        assertThat(b.get("payee_person_id")).isEqualTo(h.applicantId());
        assertThat(b.get("area_code")).isEqualTo(Fixtures.VILLAGE_A);
        assertThat(b.get("assistance_type")).isEqualTo("DIBAO");
        assertThat(b.get("category")).isEqualTo("DIBAO");
        assertThat(b.get("one_off")).isEqualTo(false);
        assertThat(b.get("start_month").toString()).isEqualTo("2026-04-01");
        assertThat(b.get("end_month")).isNull();
        assertThat(b.get("status")).isEqualTo("ACTIVE");
        assertThat(b.get("check_id")).isEqualTo(v.checkId());
        assertThat((BigDecimal) b.get("monthly_amount")).isEqualByComparingTo(v.proposedAmount());
        assertThat((BigDecimal) b.get("amount_topup")).isEqualByComparingTo("50.00");
        assertThat((BigDecimal) b.get("amount_gap")).isEqualByComparingTo("1065.00");
        assertThat((BigDecimal) b.get("amount_basic")).isEqualByComparingTo("0");
        assertThat((BigDecimal) b.get("amount_care")).isEqualByComparingTo("0");
        // the basis a new standard recalculates from: counted members, net income, and the 分类施保 groups of
        // the covered persons (only the member born in 1950 has one: aged 60+)
        assertThat(b.get("basis_persons")).isEqualTo(3);
        assertThat((BigDecimal) b.get("basis_net_income")).isEqualByComparingTo("1500.40");
        assertThat(jdbc.queryForObject("select array_to_string(basis_topup_groups, ',') from benefit where id = ?",
                String.class, b.get("id"))).isEqualTo("1");

        // a second decision is refused and creates nothing
        assertThatThrownBy(() -> cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null))))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.wrongState");
        assertThatThrownBy(() -> cases.run(REVIEWER, () -> service.refuse(id, Cases.reason("反悔"))))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.wrongState");

        // the notice delivered, the household is enrolled
        cases.on(LocalDate.of(2026, 4, 2));
        cases.run(CASEWORKER, () -> service.deliverNotice(id, new ApplicationInput.Delivery(LocalDate.of(2026, 4, 1))));
        v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.ENROLLED);
        assertThat(v.noticeDeliveredOn()).isEqualTo("2026-04-01");
        assertThatThrownBy(() -> cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null))))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.wrongState");
        assertThat(cases.benefits(id)).isEqualTo(1);
    }

    /** A decision in December pays from January of the next year. */
    @Test
    void aDecisionInDecemberPaysFromJanuary() {
        cases.on(LocalDate.of(2026, 12, 1));
        long id = cases.awaitingDecision(CASEWORKER, cases.household(Fixtures.VILLAGE_A), true);
        cases.countyVisit(REVIEWER, id);
        cases.on(LocalDate.of(2026, 12, 31));
        cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null)));
        assertThat(jdbc.queryForObject("select start_month from benefit where application_id = ?", LocalDate.class,
                id)).isEqualTo("2027-01-01");
    }

    /**
     * Refusal needs a written reason; the notice is due within 3 WD: decided Tuesday 29 September,
     * due Friday 9 October (30 September, then 8 and 9 October after 国庆).
     */
    @Test
    void refusalNeedsAReasonAndItsNoticeIsDueWithinThreeWorkingDays() {
        cases.on(LocalDate.of(2026, 9, 1));
        long id = cases.awaitingDecision(CASEWORKER, cases.household(Fixtures.VILLAGE_A), false);
        cases.on(LocalDate.of(2026, 9, 29));

        for (String blank : new String[] {null, "", "   "}) {
            assertThatThrownBy(() -> cases.run(REVIEWER, () -> service.refuse(id, Cases.reason(blank))))
                    .isInstanceOf(DomainException.class)
                    .satisfies(e -> assertThat(((DomainException) e).messageKey())
                            .isEqualTo("application.reason.required"));
        }
        ApplicationView v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.AWAITING_DECISION);
        assertThat(v.decision()).isNull();

        // refusing does not need the county's visit
        cases.run(REVIEWER, () -> service.refuse(id, Cases.reason("家庭人均收入高于当地低保标准")));
        v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.REFUSED);
        assertThat(v.decision()).isEqualTo(Decision.REFUSED);
        assertThat(v.decidedOn()).isEqualTo("2026-09-29");
        assertThat(v.decisionReason()).isEqualTo("家庭人均收入高于当地低保标准");
        assertThat(v.noticeDue()).isEqualTo(new Deadline(LocalDate.of(2026, 10, 9), Deadline.Status.ON_TIME, 3));
        assertThat(v.benefitIds()).isEmpty();
        assertThat(cases.benefits(id)).isZero();

        cases.on(LocalDate.of(2026, 10, 8));
        assertThat(cases.view(id).noticeDue().status()).isEqualTo(Deadline.Status.DUE_SOON);
        assertThatThrownBy(() -> cases.run(CASEWORKER,
                () -> service.deliverNotice(id, new ApplicationInput.Delivery(LocalDate.of(2026, 9, 28)))))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.date.beforeDecision");
        cases.run(CASEWORKER, () -> service.deliverNotice(id, new ApplicationInput.Delivery(LocalDate.of(2026, 10, 8))));
        v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.REFUSED);
        assertThat(v.noticeDeliveredOn()).isEqualTo("2026-10-08");
        assertThat(v.noticeDue().status()).isEqualTo(Deadline.Status.DONE);
        assertThatThrownBy(() -> cases.run(CASEWORKER,
                () -> service.deliverNotice(id, new ApplicationInput.Delivery(LocalDate.of(2026, 10, 8)))))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.wrongState");
    }

    /** Found not eligible at 初审, the case skips 公示 and can only be refused. */
    @Test
    void aNotEligibleOpinionGoesStraightToTheDecision() {
        cases.on(LocalDate.of(2026, 3, 2));
        // earning 5000: above 低保 (855 × 3 = 2565) and 低保边缘 (1.5 × 2565), no programme
        long id = cases.accept(CASEWORKER, cases.household(Fixtures.VILLAGE_A, "5000.00", LocalDate.of(1980, 3, 1)));
        cases.investigate(CASEWORKER, id);
        assertThatThrownBy(() -> cases.run(CASEWORKER,
                () -> service.townshipReview(id, Cases.eligible(YearMonth.of(2026, 3), null))))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.review.checkSaysNo")
                .satisfies(e -> assertThat((String) ((DomainException) e).args()[0])
                        .startsWith("不符合各项救助条件：家庭月收入 ").contains("低保标准 × 共同生活人数 = 2565"));
        cases.run(CASEWORKER, () -> service.townshipReview(id, new ApplicationInput.Review(YearMonth.of(2026, 3),
                false, "家庭收入高于标准", null, null, null, null, null, null)));
        ApplicationView v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.AWAITING_DECISION);
        assertThat(v.publicities()).isEmpty();
        assertThat(v.proposedCategory()).isNull();
        assertThat(v.stepDue().due()).isEqualTo("2026-03-16"); // 10 WD
        if (v.visitRequired()) {
            cases.countyVisit(REVIEWER, id);
        }
        assertThatThrownBy(() -> cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null))))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.approve.notProposed");
        cases.run(REVIEWER, () -> service.refuse(id, Cases.reason("家庭收入高于标准")));
        assertThat(cases.state(id)).isEqualTo(ApplicationState.REFUSED);
        assertThat(cases.benefits(id)).isZero();
        assertThat(List.of(cases.view(id).reviews().get(0).eligible())).containsExactly(false);
    }

    /**
     * The county sends a case back for more investigation: the township resumes it, gives a new
     * 初审 and a new 公示 (the next round), and the county decides then.
     */
    @Test
    void aCaseTheCountyReturnsIsReviewedAndPublishedAgain() {
        cases.on(LocalDate.of(2026, 3, 2));
        long id = cases.awaitingDecision(CASEWORKER, cases.household(Fixtures.VILLAGE_A), false);
        cases.run(REVIEWER, () -> service.returnForSupplement(id, Cases.reason("请补充核实子女就业情况")));
        ApplicationView v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.RETURNED);
        assertThat(v.returnedFrom()).isEqualTo(ApplicationState.INVESTIGATING);

        cases.on(LocalDate.of(2026, 3, 12));
        cases.run(CASEWORKER, () -> {
            service.supplement(id, new ApplicationInput.Supplement(Set.of(), null, null));
            service.recordInterview(id, new ApplicationInput.Interview(cases.today(), "子女单位人事",
                    "子女在读研究生，无收入"));
            service.submitInvestigation(id);
        });
        cases.review(CASEWORKER, id);
        v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.PUBLICITY);
        assertThat(v.round()).isEqualTo(2);
        assertThat(v.reviews()).extracting(ApplicationView.Review::round).containsExactly(1, 2);
        assertThat(v.publicities()).extracting(ApplicationView.Publicity::round).containsExactly(1, 2);

        cases.closePublicity(CASEWORKER, id);
        if (cases.view(id).visitRequired()) {
            cases.countyVisit(REVIEWER, id);
        }
        cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null)));
        assertThat(cases.state(id)).isEqualTo(ApplicationState.APPROVED);
        assertThat(cases.benefits(id)).isEqualTo(1);
    }

    /** Two reviewers approve the same case at the same moment: the case row lock lets one act. */
    @Test
    void twoApprovalsAtOnceCreateOneBenefit() throws Exception {
        String otherReviewer = fixtures.user(Fixtures.COUNTY, Fixtures.DEMO_PASSWORD, "REVIEWER");
        cases.on(LocalDate.of(2026, 3, 2));
        long id = cases.awaitingDecision(CASEWORKER, cases.household(Fixtures.VILLAGE_A), true);
        cases.countyVisit(REVIEWER, id);

        CountDownLatch firstApproved = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> a = pool.submit(() -> outcome(() -> new TransactionTemplate(transactions)
                    .executeWithoutResult(tx -> {
                        cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null)));
                        firstApproved.countDown();
                        sleep(500); // still holding the case's row
                    })));
            Future<String> b = pool.submit(() -> {
                firstApproved.await(10, TimeUnit.SECONDS);
                return outcome(() -> cases.run(otherReviewer,
                        () -> service.approve(id, new ApplicationInput.Approve(null))));
            });
            assertThat(List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS)))
                    .containsExactly("OK", "application.wrongState");
        } finally {
            firstApproved.countDown();
            pool.shutdownNow();
        }
        assertThat(cases.benefits(id)).isEqualTo(1);
        assertThat(cases.view(id).decidedBy()).isEqualTo(REVIEWER);
    }

    private String dualRole() {
        return fixtures.user(Fixtures.COUNTY, Fixtures.DEMO_PASSWORD, "CASEWORKER", "REVIEWER");
    }
}
