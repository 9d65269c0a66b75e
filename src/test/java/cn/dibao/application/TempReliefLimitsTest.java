package cn.dibao.application;

import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import cn.dibao.support.MutableClock;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static cn.dibao.application.Cases.REVIEWER;
import static cn.dibao.application.Cases.outcome;
import static cn.dibao.application.Cases.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * 临时救助's limits (domain-rules §5.4, ADR 0024) under a township standard of 低保 855 with the national
 * multiples: three counted members, so the township may decide up to 855 × 3 × 3 = 7695.00 (where the decision
 * is delegated) and a grant is at most 855 × 3 × 6 = 15390.00; and the grants a household may get in a
 * calendar year (approved 临时救助 decisions dated in it).
 */
@IntegrationTest
class TempReliefLimitsTest {

    private static final Set<String> MATERIALS = Set.of("ID_CARD", "APPLICATION_FORM", "PROMISE", "AUTHORISATION",
            "INCOME_PROOF", "EXPENSE_RECEIPTS");

    @Autowired
    ApplicationService service;
    @Autowired
    MutableClock clock;
    @Autowired
    Fixtures fixtures;
    @Autowired
    Cases cases;
    @Autowired
    ApplicationApi api;
    @Autowired
    PlatformTransactionManager transactions;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    // ---- who decides ---------------------------------------------------------------------------

    static Stream<Arguments> deciders() {
        return Stream.of(
                // type, decision delegated, amount proposed, who decides, the other level's refusal
                arguments(AssistanceType.TEMP_EXPENDITURE, true, "5000.00", "TOWNSHIP", "application.townshipOnly"),
                arguments(AssistanceType.TEMP_EXPENDITURE, true, "7695.00", "TOWNSHIP", "application.townshipOnly"),
                arguments(AssistanceType.TEMP_EXPENDITURE, true, "7695.01", "COUNTY",
                        "application.countyOnly.aboveTownshipLimit"),
                arguments(AssistanceType.TEMP_URGENT, true, "15390.00", "COUNTY",
                        "application.countyOnly.aboveTownshipLimit"),
                arguments(AssistanceType.TEMP_EXPENDITURE, false, "5000.00", "COUNTY", "application.countyOnly"),
                arguments(AssistanceType.DIBAO, true, null, "TOWNSHIP", "application.townshipOnly"));
    }

    /**
     * A township decides a delegated 临时救助 only up to its limit; above it the case goes to the county, which
     * then draws its home visit as for any county decision. Without delegation the county decides every amount.
     */
    @ParameterizedTest(name = "{0} delegated {1} amount {2}: {3}")
    @MethodSource("deciders")
    void aTempReliefAboveTheTownshipsLimitGoesToTheCounty(AssistanceType type, boolean delegated, String amount,
                                                         String decider, String otherRefused) {
        cases.on(LocalDate.of(2026, 3, 2));
        Cases.Township t = cases.township(delegated, "0");
        String caseworker = fixtures.user(t.code(), Fixtures.DEMO_PASSWORD, "CASEWORKER");
        String townshipReviewer = fixtures.user(t.code(), Fixtures.DEMO_PASSWORD, "REVIEWER");
        long id = cases.accept(caseworker, cases.inHardship(cases.household(t.village())), type, MATERIALS, false);
        cases.investigate(caseworker, id);
        cases.review(caseworker, id, amount == null ? null : new BigDecimal(amount));
        cases.closePublicity(caseworker, id);

        ApplicationView v = cases.view(id);
        boolean township = decider.equals("TOWNSHIP");
        assertThat(v.delegated()).as("the township decides").isEqualTo(township);
        assertThat(v.aboveTownshipLimit()).isEqualTo(delegated && !township);
        if (type.oneOff()) {
            assertThat(v.townshipLimit()).isEqualByComparingTo("7695.00");
        } else {
            assertThat(v.townshipLimit()).isNull();
        }
        assertThat(v.sampled()).isFalse();
        if (delegated && !township) {
            assertThat(v.timeline()).anySatisfy(e -> assertThat(e.comment())
                    .endsWith("；金额超过乡镇（街道）审批限额 7695.00 元，报县级审核确认"));
        }

        String deciding = township ? townshipReviewer : REVIEWER;
        String other = township ? REVIEWER : townshipReviewer;
        assertThatThrownBy(() -> cases.run(other, () -> service.approve(id, new ApplicationInput.Approve(null))))
                .isInstanceOfSatisfying(ForbiddenActionException.class, e -> {
                    assertThat(e.messageKey()).isEqualTo(otherRefused);
                    if (otherRefused.endsWith("aboveTownshipLimit")) {
                        assertThat(e.args()).containsExactly(amount, "7695.00");
                    }
                });
        assertThat(cases.state(id)).isEqualTo(ApplicationState.AWAITING_DECISION);
        cases.run(deciding, () -> service.approve(id, new ApplicationInput.Approve(null)));
        assertThat(cases.view(id).decidedBy()).isEqualTo(deciding);
        assertThat(cases.state(id)).isEqualTo(ApplicationState.APPROVED);
    }

    // ---- grants a year ---------------------------------------------------------------------------

    static Stream<Arguments> grantsAYear() {
        return Stream.of(
                // grants allowed a year, earlier cases (decided on the day, approved or refused), applied on, refused
                arguments(2, List.of("2026-03-02:APPROVED", "2026-06-01:APPROVED"), "2026-09-01", true),
                arguments(2, List.of("2026-03-02:APPROVED", "2026-06-01:APPROVED"), "2027-01-04", false),
                arguments(2, List.of("2026-03-02:APPROVED"), "2026-09-01", false),
                arguments(2, List.of("2026-03-02:APPROVED", "2026-06-01:REFUSED"), "2026-09-01", false),
                arguments(1, List.of("2026-03-02:APPROVED"), "2026-09-01", true),
                arguments(1, List.of("2026-03-02:REFUSED"), "2026-09-01", false));
    }

    /**
     * A household gets 临时救助 at most the set number of times a calendar year: a further application that
     * year is refused on its type; grants of an earlier year and refusals do not count.
     */
    @ParameterizedTest(name = "{0} a year, earlier {1}, applied {2}: refused {3}")
    @MethodSource("grantsAYear")
    void aFurtherApplicationInTheYearIsRefused(int allowed, List<String> earlier, String appliedOn,
                                               boolean refused) {
        cases.on(LocalDate.of(2026, 3, 2));
        Cases.Township t = cases.township(false, "0");
        cases.tempRelief(t.code(), "temp_relief_times_per_year = " + allowed);
        String caseworker = fixtures.user(t.code(), Fixtures.DEMO_PASSWORD, "CASEWORKER");
        Cases.Household h = cases.inHardship(cases.household(t.village()));
        long approved = 0;
        for (String e : earlier) {
            String[] dayAndDecision = e.split(":");
            cases.on(LocalDate.parse(dayAndDecision[0]));
            long id = cases.accept(caseworker, h, AssistanceType.TEMP_EXPENDITURE, MATERIALS, false);
            cases.investigate(caseworker, id);
            cases.review(caseworker, id, new BigDecimal("1000.00"));
            cases.closePublicity(caseworker, id);
            if (dayAndDecision[1].equals("APPROVED")) {
                cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null)));
                approved++;
            } else {
                cases.run(REVIEWER, () -> service.refuse(id, Cases.reason("支出已由医保报销")));
            }
        }

        cases.on(LocalDate.parse(appliedOn));
        if (refused) {
            long grants = approved;
            for (AssistanceType type : List.of(AssistanceType.TEMP_EXPENDITURE, AssistanceType.TEMP_URGENT)) {
                assertThatThrownBy(() -> cases.accept(caseworker, h, type, MATERIALS, false))
                        .isInstanceOfSatisfying(DomainException.class, ex -> {
                            assertThat(ex.field()).isEqualTo("assistanceType");
                            assertThat(ex.messageKey()).isEqualTo("application.temp.timesPerYear");
                            assertThat(ex.args()).containsExactly("2026", grants, allowed);
                        });
            }
            // 低保 is not limited
            assertThat(cases.state(cases.accept(caseworker, h))).isEqualTo(ApplicationState.ACCEPTED);
        } else {
            long id = cases.accept(caseworker, h, AssistanceType.TEMP_EXPENDITURE, MATERIALS, false);
            assertThat(cases.state(id)).isEqualTo(ApplicationState.ACCEPTED);
        }
    }

    /** Through the API the refusal is a problem document naming the field, in zh-CN. */
    @Test
    void theApiRefusesAFurtherApplicationOnItsType() throws Exception {
        cases.on(LocalDate.of(2026, 3, 2));
        Cases.Township t = cases.township(false, "0");
        String caseworker = fixtures.user(t.code(), Fixtures.DEMO_PASSWORD, "CASEWORKER");
        Cases.Household h = cases.inHardship(cases.household(t.village()));
        approvedGrant(caseworker, h, AssistanceType.TEMP_URGENT);

        cases.on(LocalDate.of(2026, 5, 6));
        ApplicationApi.Answer refused = api.send(caseworker, ApplicationApi.API, """
                {"householdId": %d, "applicantPersonId": %d, "assistanceType": "TEMP_EXPENDITURE", "channel": "WINDOW",
                 "receivedOn": "2026-05-06", "reason": "住院自付费用高", "materials": ["ID_CARD"]}
                """.formatted(h.id(), h.applicantId())).problem(422);
        assertThat(refused.fields()).containsExactly("assistanceType");
        assertThat(refused.message())
                .isEqualTo("该户 2026 年已获批临时救助 1 次，已达本地每户每年 1 次的上限，不能再受理临时救助申请");
    }

    /**
     * Two cases accepted before either was approved: the second approval of the year is refused, also when both
     * are approved at once (the first holds the household's grants until it commits).
     */
    @Test
    void theDecisionCountsTheGrantsAgain() throws Exception {
        cases.on(LocalDate.of(2026, 3, 2));
        Cases.Township t = cases.township(false, "0");
        String caseworker = fixtures.user(t.code(), Fixtures.DEMO_PASSWORD, "CASEWORKER");
        Cases.Household h = cases.inHardship(cases.household(t.village()));
        long urgent = awaitingDecision(caseworker, h, AssistanceType.TEMP_URGENT);
        long expenditure = awaitingDecision(caseworker, h, AssistanceType.TEMP_EXPENDITURE);

        CountDownLatch firstApproved = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> a = pool.submit(() -> outcome(() -> cases.run(REVIEWER, () ->
                    new TransactionTemplate(transactions).executeWithoutResult(tx -> {
                        service.approve(urgent, new ApplicationInput.Approve(null));
                        firstApproved.countDown();
                        sleep(500); // not yet committed
                    }))));
            Future<String> b = pool.submit(() -> {
                firstApproved.await(10, TimeUnit.SECONDS);
                return outcome(() -> cases.run(REVIEWER,
                        () -> service.approve(expenditure, new ApplicationInput.Approve(null))));
            });
            List<String> outcomes = new ArrayList<>(List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS)));
            assertThat(outcomes).containsExactly("OK", "application.temp.timesPerYear.decision");
        } finally {
            firstApproved.countDown();
            pool.shutdownNow();
        }
        assertThat(cases.state(urgent)).isEqualTo(ApplicationState.APPROVED);
        assertThat(cases.state(expenditure)).isEqualTo(ApplicationState.AWAITING_DECISION);
        // it can still be refused
        cases.run(REVIEWER, () -> service.refuse(expenditure, Cases.reason("本年度已获临时救助")));
        assertThat(cases.state(expenditure)).isEqualTo(ApplicationState.REFUSED);
    }

    private long awaitingDecision(String caseworker, Cases.Household h, AssistanceType type) {
        long id = cases.accept(caseworker, h, type, MATERIALS, false);
        cases.investigate(caseworker, id);
        cases.review(caseworker, id, new BigDecimal("1000.00"));
        cases.closePublicity(caseworker, id);
        return id;
    }

    private void approvedGrant(String caseworker, Cases.Household h, AssistanceType type) {
        long id = awaitingDecision(caseworker, h, type);
        cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null)));
    }
}
