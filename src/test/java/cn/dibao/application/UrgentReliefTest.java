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
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.dibao.application.Cases.ALL_MATERIALS;
import static cn.dibao.application.Cases.REVIEWER;
import static cn.dibao.application.Cases.outcome;
import static cn.dibao.application.Cases.sleep;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * 先行救助 (domain-rules §7.3): the township pays at once from its stand-by fund (备用金), up to
 * k × the monthly 低保 standard × the household's members (temp_relief_township_multiple, 3 by
 * default), and completes the paperwork afterwards; the approval pays only the rest. Each test has
 * a township (and so a fund) of its own, under a township standard with the defaults: 855 × 3
 * members × 3 = 7695 for the township, 临时救助 cap 855 × 3 × 6 = 15390, sampling 0 %.
 */
@IntegrationTest
class UrgentReliefTest {

    @Autowired
    ApplicationService service;
    @Autowired
    ReliefFunds funds;
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
    Cases.Township township;
    String caseworker;

    @BeforeEach
    void setUp() {
        township = cases.township(false, "0");
        caseworker = fixtures.user(township.code(), Fixtures.DEMO_PASSWORD, "CASEWORKER");
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    /**
     * Paid at the window on Tuesday 29 September with only the ID card in hand; the paperwork is due
     * in 5 WD: 30 September, 8, 9, 10 (Saturday, worked) and 12 October.
     */
    @Test
    void paidFirstWithinTheLimitThenPaperworkThenTheRestOnApproval() {
        assertThat(funds.topUp(township.code(), new BigDecimal("10000.00"), "拨付备用金", "admin"))
                .isEqualByComparingTo("10000.00");
        cases.on(LocalDate.of(2026, 9, 29));
        long id = cases.accept(caseworker, cases.household(township.village()), AssistanceType.TEMP_URGENT,
                Set.of("ID_CARD"), false);
        assertThat(cases.state(id)).isEqualTo(ApplicationState.RETURNED);

        assertThatThrownBy(() -> grant(id, "7695.01"))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    assertThat(((DomainException) e).messageKey()).isEqualTo("application.urgent.overLimit");
                    assertThat(((DomainException) e).args()).containsExactly("7695.00");
                });
        assertThat(balance()).isEqualByComparingTo("10000.00");

        grant(id, "7695.00");
        assertThat(balance()).isEqualByComparingTo("2305.00");
        ApplicationView v = cases.view(id);
        assertThat(v.urgentAmount()).isEqualByComparingTo("7695.00");
        assertThat(v.urgentPaidOn()).isEqualTo("2026-09-29");
        assertThat(v.paperworkPending()).isTrue();
        assertThat(v.paperworkDue()).isEqualTo(new Deadline(LocalDate.of(2026, 10, 12), Deadline.Status.ON_TIME, 5));
        ReliefFunds.Entry entry = funds.entries(township.code()).get(0);
        assertThat(entry.kind()).isEqualTo("GRANT");
        assertThat(entry.amount()).isEqualByComparingTo("7695.00");
        assertThat(entry.balanceAfter()).isEqualByComparingTo("2305.00");
        assertThat(entry.applicationId()).isEqualTo(id);
        assertThat(entry.by()).isEqualTo(caseworker);
        assertThatThrownBy(() -> grant(id, "1.00"))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.urgent.once");

        // the paperwork needs the materials
        assertThatThrownBy(() -> cases.run(caseworker, () -> service.completePaperwork(id)))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.materials.stillMissing");
        cases.on(LocalDate.of(2026, 10, 9));
        cases.run(caseworker, () -> service.supplement(id, new ApplicationInput.Supplement(ALL_MATERIALS, null, null)));
        cases.run(caseworker, () -> service.completePaperwork(id));
        v = cases.view(id);
        assertThat(v.state()).isEqualTo(ApplicationState.ACCEPTED);
        assertThat(v.paperworkDoneOn()).isEqualTo("2026-10-09");
        assertThat(v.paperworkPending()).isFalse();
        assertThat(v.paperworkDue().status()).isEqualTo(Deadline.Status.DONE);
        assertThatThrownBy(() -> cases.run(caseworker, () -> service.completePaperwork(id)))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.wrongState");

        // 临时救助 review: an amount within the cap is required
        cases.investigate(caseworker, id);
        assertThatThrownBy(() -> cases.review(caseworker, id, null))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.amount.required");
        assertThatThrownBy(() -> cases.review(caseworker, id, new BigDecimal("15390.01")))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    assertThat(((DomainException) e).messageKey()).isEqualTo("application.temp.overCap");
                    assertThat(((DomainException) e).args()).containsExactly("15390.00");
                });
        cases.review(caseworker, id, new BigDecimal("9000.00"));
        v = cases.view(id);
        assertThat(v.proposedCategory()).isEqualTo(cn.dibao.engine.Programme.TEMP_RELIEF);
        assertThat(v.proposedAmount()).isEqualByComparingTo("9000.00");

        // approved in October: paid once in November, less what was paid first
        cases.closePublicity(caseworker, id);
        cases.run(REVIEWER, () -> service.approve(id, new ApplicationInput.Approve(null)));
        Map<String, Object> b = jdbc.queryForMap("select * from benefit where application_id = ?", id);
        assertThat(b.get("one_off")).isEqualTo(true);
        assertThat(b.get("category")).isEqualTo("TEMP_RELIEF");
        assertThat((BigDecimal) b.get("monthly_amount")).isEqualByComparingTo("1305.00");
        assertThat((BigDecimal) b.get("amount_gap")).isEqualByComparingTo("1305.00");
        assertThat(b.get("start_month").toString()).isEqualTo("2026-11-01");
        assertThat(b.get("end_month").toString()).isEqualTo("2026-11-01");
        assertThat(balance()).isEqualByComparingTo("2305.00");
    }

    @Test
    void aGrantAboveTheBalanceIsRefusedAndChangesNothing() {
        cases.on(LocalDate.of(2026, 3, 2));
        long id = cases.accept(caseworker, cases.household(township.village()), AssistanceType.TEMP_URGENT,
                ALL_MATERIALS, false);
        // no fund yet
        assertThatThrownBy(() -> grant(id, "100.00"))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    assertThat(((DomainException) e).messageKey()).isEqualTo("fund.balance.short");
                    assertThat(((DomainException) e).args()).containsExactly("0");
                });

        funds.topUp(township.code(), new BigDecimal("1000.00"), "拨付备用金", "admin");
        long events = events(id);
        assertThatThrownBy(() -> grant(id, "1500.00"))
                .isInstanceOf(DomainException.class)
                .satisfies(e -> {
                    assertThat(((DomainException) e).messageKey()).isEqualTo("fund.balance.short");
                    assertThat(((DomainException) e).args()).containsExactly("1000.00");
                });
        assertThat(balance()).isEqualByComparingTo("1000.00");
        assertThat(funds.entries(township.code())).extracting(ReliefFunds.Entry::kind).containsExactly("TOP_UP");
        ApplicationView v = cases.view(id);
        assertThat(v.urgentAmount()).isNull();
        assertThat(v.urgentPaidOn()).isNull();
        assertThat(v.paperworkDue()).isNull();
        assertThat(events(id)).isEqualTo(events);

        // amounts the form would not let through are refused by the service too, nothing paid
        for (String bad : new String[] {"-100.00", "0.00"}) {
            assertThatThrownBy(() -> grant(id, bad))
                    .isInstanceOf(DomainException.class)
                    .satisfies(e -> assertThat(((DomainException) e).messageKey())
                            .isEqualTo("application.amount.positive"));
        }
        assertThatThrownBy(() -> grant(id, "10.005"))
                .isInstanceOf(DomainException.class).hasMessageContaining("standard.decimal.format");
        assertThat(balance()).isEqualByComparingTo("1000.00");
        assertThat(funds.entries(township.code())).hasSize(1);

        // only while the case is at the township's first steps
        cases.investigate(caseworker, id);
        assertThatThrownBy(() -> grant(id, "100.00"))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.wrongState");
        assertThat(balance()).isEqualByComparingTo("1000.00");
    }

    /**
     * Two grants of 600 on a fund of 1000, on two cases at once: the first holds the fund's row until
     * it commits, the second waits for it, then finds the balance short. Exactly one is paid.
     */
    @Test
    void twoGrantsAtOnceNeverOverdrawTheFund() throws Exception {
        funds.topUp(township.code(), new BigDecimal("1000.00"), "拨付备用金", "admin");
        cases.on(LocalDate.of(2026, 3, 2));
        long first = cases.accept(caseworker, cases.household(township.village()), AssistanceType.TEMP_URGENT,
                ALL_MATERIALS, false);
        long second = cases.accept(caseworker, cases.household(township.village()), AssistanceType.TEMP_URGENT,
                ALL_MATERIALS, false);

        CountDownLatch firstGranted = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Future<String> a = pool.submit(() -> outcome(() -> new TransactionTemplate(transactions)
                    .executeWithoutResult(tx -> {
                        grant(first, "600.00");
                        firstGranted.countDown();
                        sleep(500); // still holding the fund's row
                    })));
            Future<String> b = pool.submit(() -> {
                firstGranted.await(10, TimeUnit.SECONDS);
                return outcome(() -> grant(second, "600.00"));
            });
            List<String> outcomes = new ArrayList<>(List.of(a.get(30, TimeUnit.SECONDS), b.get(30, TimeUnit.SECONDS)));
            assertThat(outcomes).containsExactly("OK", "fund.balance.short");
        } finally {
            firstGranted.countDown();
            pool.shutdownNow();
        }
        assertThat(balance()).isEqualByComparingTo("400.00");
        assertThat(funds.entries(township.code())).extracting(ReliefFunds.Entry::kind)
                .containsExactly("GRANT", "TOP_UP");
        assertThat(cases.view(first).urgentAmount()).isEqualByComparingTo("600.00");
        assertThat(cases.view(second).urgentAmount()).isNull();
    }

    /** 临时救助（支出型）: no 先行救助, and its review needs an amount within the cap too. */
    @Test
    void expenditureReliefIsReviewedWithinTheCap() {
        cases.on(LocalDate.of(2026, 3, 2));
        Set<String> materials = new java.util.HashSet<>(ALL_MATERIALS);
        materials.add("EXPENSE_RECEIPTS");
        long id = cases.accept(caseworker, cases.inHardship(cases.household(township.village())), AssistanceType.TEMP_EXPENDITURE,
                materials, false);
        assertThat(cases.state(id)).isEqualTo(ApplicationState.ACCEPTED);
        assertThatThrownBy(() -> grant(id, "100.00"))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.urgent.onlyUrgent");
        cases.investigate(caseworker, id);
        assertThatThrownBy(() -> cases.run(caseworker, () -> service.townshipReview(id,
                Cases.eligible(YearMonth.of(2026, 3), new BigDecimal("15390.01")))))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.temp.overCap");
        assertThatThrownBy(() -> cases.review(caseworker, id, new BigDecimal("-1.00")))
                .isInstanceOf(DomainException.class).hasMessageContaining("application.amount.positive");
        cases.review(caseworker, id, new BigDecimal("15390.00"));
        assertThat(cases.view(id).proposedAmount()).isEqualByComparingTo("15390.00");
    }

    /**
     * 支出型 is means-tested (§7.1): the same household without rigid spending cannot be found eligible for it,
     * and the refusal quotes the failing test; with its hospital bill it can. 急难型 is not means-tested.
     */
    @Test
    void expenditureReliefNeedsRigidSpendingBeyondTheFamilysMeans() {
        cases.on(LocalDate.of(2026, 3, 2));
        Set<String> materials = new java.util.HashSet<>(ALL_MATERIALS);
        materials.add("EXPENSE_RECEIPTS");
        Cases.Household h = cases.household(township.village());
        long id = cases.accept(caseworker, h, AssistanceType.TEMP_EXPENDITURE, materials, false);
        cases.investigate(caseworker, id);
        assertThatThrownBy(() -> cases.review(caseworker, id, new BigDecimal("3000.00")))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.field()).isEqualTo("eligible");
                    assertThat(e.messageKey()).isEqualTo("application.review.tempExpenditureSaysNo");
                    assertThat((String) e.args()[0]).isEqualTo("近 12 个月刚性支出占家庭收入 0%，≤ 当地比例 80%");
                });
        assertThat(cases.state(id)).as("nothing recorded").isEqualTo(ApplicationState.TOWNSHIP_REVIEW);

        cases.inHardship(h);
        cases.review(caseworker, id, new BigDecimal("3000.00"));
        assertThat(cases.view(id).proposedAmount()).isEqualByComparingTo("3000.00");

        long urgent = cases.accept(caseworker, cases.household(township.village()), AssistanceType.TEMP_URGENT,
                materials, false);
        cases.investigate(caseworker, urgent);
        cases.review(caseworker, urgent, new BigDecimal("3000.00"));
        assertThat(cases.view(urgent).proposedAmount()).isEqualByComparingTo("3000.00");
    }

    private void grant(long id, String amount) {
        cases.run(caseworker, () -> service.grantUrgent(id, new ApplicationInput.UrgentGrant(new BigDecimal(amount),
                "住房失火，急需生活费")));
    }

    private BigDecimal balance() {
        return funds.balance(township.code()).orElseThrow();
    }

    private long events(long id) {
        return jdbc.queryForObject("select count(*) from application_event where application_id = ?", Long.class,
                id);
    }
}
