package cn.dibao.payout;

import cn.dibao.benefit.BenefitChange;
import cn.dibao.benefit.BenefitService;
import cn.dibao.benefit.BenefitVersion;
import cn.dibao.benefit.BenefitView;
import cn.dibao.benefit.ChangeKind;
import cn.dibao.benefit.Recalculation;
import cn.dibao.common.error.DomainException;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

/**
 * Issue 6, "Done when": amounts per programme, a standard that changes mid-year (also one published
 * late), arrears for a late approval, a stop for a death from the next month with the overpaid months
 * recovered, retroactive increases and reductions, suspension, 渐退期, the 春节 one-off grant and the
 * change exceptions — each through real runs on a county of its own.
 */
@IntegrationTest
class PayoutAdjustmentsTest {

    static final YearMonth JAN = YearMonth.of(2026, 1);
    static final YearMonth MAY = YearMonth.of(2026, 5);
    static final YearMonth JUNE = YearMonth.of(2026, 6);
    static final YearMonth JULY = YearMonth.of(2026, 7);
    static final YearMonth AUG = YearMonth.of(2026, 8);
    static final YearMonth SEP = YearMonth.of(2026, 9);

    @Autowired
    PayoutRunService runs;
    @Autowired
    BenefitService benefits;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Fixtures fixtures;

    record Line(long benefit, YearMonth month, String kind, String amount) {
    }

    private List<Line> lines(long runId) {
        return jdbc.query("""
                select benefit_id, month, kind, amount from payout_item where run_id = ?
                order by benefit_id, month, kind""", (rs, i) -> new Line(rs.getLong(1),
                YearMonth.from(rs.getObject(2, LocalDate.class)), rs.getString(3), rs.getBigDecimal(4).toPlainString()),
                runId);
    }

    private List<Line> lines(long runId, long benefit) {
        return lines(runId).stream().filter(l -> l.benefit() == benefit).toList();
    }

    private static Line line(long benefit, YearMonth month, String kind, String amount) {
        return new Line(benefit, month, kind, amount);
    }

    @Test
    void eachProgrammeIsPaidItsApprovedAmount() {
        PayoutTestCounty c = PayoutTestCounty.create(jdbc, users);
        String reviewer = c.reviewer(fixtures);
        c.standard(JAN, "855.00", "1120.00");
        // the seed's figures: 低保 补差 540 + 分类施保 100; 特困 1120 + 全护理 1480; 单人保 half the standard
        long dibao = c.benefitWithBasis(c.household(c.villageA), "DIBAO", "540.00", "100.00", "0", "0", 3, "2025.00",
                null, JAN);
        long tekun = c.benefitWithBasis(c.household(c.villageA), "TEKUN", "0", "0", "1120.00", "1480.00", 1, null,
                "HOME_FULL", JAN);
        long single = c.benefitWithBasis(c.household(c.villageB), "DIBAO_SINGLE", "428.00", "0", "0", "0", 1, null,
                null, JAN);
        long edge = c.benefit(c.household(c.villageB), "DIBAO_EDGE", false, "0.00", JAN, null, "ACTIVE");
        long temp = c.benefit(c.household(c.villageB), "TEMP_RELIEF", true, "2000.00", MAY, MAY, "ACTIVE");

        PayoutRun run = c.as(reviewer, () -> runs.generate(c.county, MAY));
        assertThat(lines(run.id())).containsExactly(
                line(dibao, MAY, "MONTHLY", "640.00"), line(tekun, MAY, "MONTHLY", "2600.00"),
                line(single, MAY, "MONTHLY", "428.00"), line(edge, MAY, "MONTHLY", "0.00"),
                line(temp, MAY, "ONE_OFF", "2000.00"));
        assertThat(run.totalAmount()).isEqualByComparingTo("5668.00");
        assertThat(run.zeroCount()).isEqualTo(1);
        assertThat(c.as(reviewer, () -> runs.totals(run.id()))).extracting(PayoutTotal::programme, PayoutTotal::kind,
                t -> t.amount().toPlainString()).contains(tuple("TEKUN", "MONTHLY", "2600.00"),
                tuple("TEMP_RELIEF", "ONE_OFF", "2000.00"));
        // the one-off is paid once: not in June
        PayoutRun june = c.as(reviewer, () -> runs.generate(c.county, JUNE));
        assertThat(lines(june.id())).extracting(Line::benefit).containsExactly(dibao, tekun, single, edge);
    }

    @Test
    void aStandardTakingEffectMidYearRecalculatesFromItsMonth() {
        PayoutTestCounty c = PayoutTestCounty.create(jdbc, users);
        String reviewer = c.reviewer(fixtures);
        c.standard(JAN, "855.00", "1120.00");
        // 3 persons, counted income 1,200.50: 855 × 3 − 1,200.50 = 1,364.50 → 1,365 (up to the yuan)
        long dibao = c.benefitWithBasis(c.household(c.villageA), "DIBAO", "1365.00", "0", "0", "0", 3, "1200.50", null,
                JAN);
        long tekun = c.benefitWithBasis(c.household(c.villageB), "TEKUN", "0", "0", "1120.00", "300.00", 1, null,
                "HOME_FULL", JAN);
        long noBasis = c.benefit(c.household(c.villageB), "DIBAO", false, "500.00", JAN, null, "ACTIVE");
        c.standard(JULY, "900.00", "1170.00");

        PayoutRun june = c.as(reviewer, () -> runs.generate(c.county, JUNE));
        assertThat(lines(june.id())).extracting(Line::amount).containsExactly("1365.00", "1420.00", "500.00");
        PayoutRun july = c.as(reviewer, () -> runs.generate(c.county, JULY));
        // 900 × 3 − 1,200.50 = 1,499.50 → 1,500; 特困 1,170 + 全护理 300; no basis: unchanged, counted as skipped
        assertThat(lines(july.id())).containsExactly(line(dibao, JULY, "MONTHLY", "1500.00"),
                line(tekun, JULY, "MONTHLY", "1470.00"), line(noBasis, JULY, "MONTHLY", "500.00"));
        // the run recalculated July itself; asking again returns that recalculation
        Recalculation r = c.as(reviewer, () -> runs.recalculate(c.county, JULY));
        assertThat(r.examined()).isEqualTo(3);
        assertThat(r.changed()).isEqualTo(2);
        assertThat(r.skipped()).isEqualTo(1);
        assertThat(r.amountBefore()).isEqualByComparingTo("3285.00");
        assertThat(r.amountAfter()).isEqualByComparingTo("3470.00");
        // the change line: a version from July, the June amount untouched
        BenefitView view = c.as(reviewer, () -> benefits.get(dibao));
        assertThat(view.versions()).extracting(v -> v.kind(), v -> v.from(), v -> v.to(), v -> v.monthlyAmount().toPlainString())
                .containsExactly(tuple(ChangeKind.APPROVAL, JAN, JULY, "1365.00"),
                        tuple(ChangeKind.RECALCULATION, JULY, null, "1500.00"));
        assertThat(lines(june.id(), dibao)).containsExactly(line(dibao, JUNE, "MONTHLY", "1365.00"));
        // August: same amounts, no arrears (July was paid at the new standard)
        PayoutRun aug = c.as(reviewer, () -> runs.generate(c.county, AUG));
        assertThat(lines(aug.id())).extracting(Line::kind).containsOnly("MONTHLY");
    }

    /**
     * 分类施保 follows the new standard: from the groups kept at approval and the new standard's settings
     * (here 12.5 % of the standard for the aged, 150 yuan for the severely disabled, once per person in
     * January and stacked from July), exact until the one rounding of the whole amount.
     */
    @Test
    void aNewStandardRecalculatesThe分类施保FromTheGroupsKeptAtApproval() {
        PayoutTestCounty c = PayoutTestCounty.create(jdbc, users);
        String reviewer = c.reviewer(fixtures);
        topUps(c.standard(JAN, "800.00", "1040.00"), "ONCE");
        // 3 persons, net 1,000: one aged, one aged and severely disabled: 800 × 3 − 1,000 + 100 + max(100, 150)
        long dibao = c.benefitWithBasis(c.household(c.villageA), "DIBAO", "1400.00", "250.00", "0", "0", 3,
                "1000.00", null, JAN);
        jdbc.update("update benefit set basis_topup_groups = '{1,5}' where id = ?", dibao);
        // 单人保 at 50 % of the standard for one severely disabled person: 400 + 150
        long single = c.benefitWithBasis(c.household(c.villageB), "DIBAO_SINGLE", "400.00", "150.00", "0", "0", 1,
                null, null, JAN);
        jdbc.update("update benefit set basis_topup_groups = '{4}' where id = ?", single);
        // approved before groups were kept: its 分类施保 stays as approved
        long unknown = c.benefitWithBasis(c.household(c.villageB), "DIBAO", "1100.00", "100.00", "0", "0", 2,
                "500.00", null, JAN);
        topUps(c.standard(JULY, "901.00", "1172.00"), "STACK");

        PayoutRun july = c.as(reviewer, () -> runs.generate(c.county, JULY));
        // 901 × 3 − 1,000 + 112.625 + (112.625 + 150) = 2,078.25 → 2,079 (up to the yuan);
        // 单人保 450.50 + 150 = 600.50 → 601; the other 901 × 2 − 500 + 100 = 1,402
        assertThat(lines(july.id())).containsExactly(line(dibao, JULY, "MONTHLY", "2079.00"),
                line(single, JULY, "MONTHLY", "601.00"), line(unknown, JULY, "MONTHLY", "1402.00"));
        assertThat(jdbc.queryForList("""
                select amount_gap || '+' || amount_topup from benefit_version
                where change_kind = 'RECALCULATION' and benefit_id in (?, ?, ?) order by benefit_id""", String.class,
                dibao, single, unknown)).containsExactly("1703.75+375.25", "451.00+150.00", "1302.00+100.00");
    }

    /** 分类施保 settings of a standard: the aged 12.5 % of the standard, the severely disabled 150 yuan. */
    private void topUps(long standardId, String stacking) {
        jdbc.update("""
                update subsidy_standard set topup_elderly_mode = 'PERCENT', topup_elderly_value = 12.5,
                    topup_disability_mode = 'FIXED', topup_disability_value = 150, topup_stacking = ?
                where id = ?""", stacking, standardId);
    }

    @Test
    void aStandardPublishedLatePaysTheDifferenceAsArrears() {
        PayoutTestCounty c = PayoutTestCounty.create(jdbc, users);
        String reviewer = c.reviewer(fixtures);
        c.standard(JAN, "855.00", "1120.00");
        long dibao = c.benefitWithBasis(c.household(c.villageA), "DIBAO", "1365.00", "0", "0", "0", 3, "1200.50", null,
                JAN);
        c.as(reviewer, () -> runs.generate(c.county, JUNE));
        c.as(reviewer, () -> runs.generate(c.county, JULY));
        // published in August with effect from July
        c.standard(JULY, "900.00", "1170.00");
        Recalculation r = c.as(reviewer, () -> runs.recalculate(c.county, JULY));
        assertThat(r.changed()).isEqualTo(1);
        // a second call changes nothing more
        assertThat(c.as(reviewer, () -> runs.recalculate(c.county, JULY)).id()).isEqualTo(r.id());

        PayoutRun aug = c.as(reviewer, () -> runs.generate(c.county, AUG));
        assertThat(lines(aug.id())).containsExactly(line(dibao, JULY, "ARREARS", "135.00"),
                line(dibao, AUG, "MONTHLY", "1500.00"));
        // September: nothing more to settle
        PayoutRun sep = c.as(reviewer, () -> runs.generate(c.county, SEP));
        assertThat(lines(sep.id())).containsExactly(line(dibao, SEP, "MONTHLY", "1500.00"));
    }

    @Test
    void aLateApprovalIsPaidForEveryMonthItMissed() {
        PayoutTestCounty c = PayoutTestCounty.create(jdbc, users);
        String reviewer = c.reviewer(fixtures);
        long early = c.benefit(c.household(c.villageA), "DIBAO", false, "300.00", JAN, null, "ACTIVE");
        c.as(reviewer, () -> runs.generate(c.county, MAY));
        c.as(reviewer, () -> runs.generate(c.county, JUNE));
        // approved in June with effect from May, after both runs were generated
        long late = c.benefit(c.household(c.villageB), "DIBAO", false, "455.50", MAY, null, "ACTIVE");
        long lateOneOff = c.benefit(c.household(c.villageB), "TEMP_RELIEF", true, "1200.00", JUNE, JUNE, "ACTIVE");

        PayoutRun july = c.as(reviewer, () -> runs.generate(c.county, JULY));
        assertThat(lines(july.id())).containsExactly(line(early, JULY, "MONTHLY", "300.00"),
                line(late, MAY, "MONTHLY", "455.50"), line(late, JUNE, "MONTHLY", "455.50"),
                line(late, JULY, "MONTHLY", "455.50"), line(lateOneOff, JUNE, "ONE_OFF", "1200.00"));
        assertThat(july.totalAmount()).isEqualByComparingTo("2866.50");
        List<PayoutItem> items = c.as(reviewer, () -> runs.items(july.id(), PayoutItemQuery.all(), 0, 100));
        assertThat(items.stream().filter(i -> i.late(JULY))).hasSize(3);
        // August: nothing more for May and June
        PayoutRun aug = c.as(reviewer, () -> runs.generate(c.county, AUG));
        assertThat(lines(aug.id())).containsExactly(line(early, AUG, "MONTHLY", "300.00"),
                line(late, AUG, "MONTHLY", "455.50"));
    }

    @Test
    void aStopForADeathTakesEffectNextMonthAndWhatWasPaidAfterIsRecovered() {
        PayoutTestCounty c = PayoutTestCounty.create(jdbc, users);
        String reviewer = c.reviewer(fixtures);
        long[] household = c.household(c.villageA);
        long dead = c.benefit(household, "DIBAO", false, "600.00", JAN, null, "ACTIVE");
        long[] other = c.household(c.villageB);
        long reduced = c.benefit(other, "DIBAO", false, "500.00", JAN, null, "ACTIVE");
        c.account(household, "6217000000000000002");
        c.account(other, "6217000000000000003");
        c.as(reviewer, () -> runs.generate(c.county, MAY));
        c.as(reviewer, () -> runs.generate(c.county, JUNE));
        c.as(reviewer, () -> runs.generate(c.county, JULY));

        // found out in July: died on 20 May, so the benefit stops from June (June and July were overpaid)
        BenefitView stopped = c.as(reviewer, () -> benefits.change(dead,
                BenefitChange.death(LocalDate.of(2026, 5, 20), "民政部门核实：户主于 5 月 20 日死亡")));
        assertThat(stopped.status()).isEqualTo("STOPPED");
        assertThat(stopped.endMonth()).isEqualTo(MAY);
        assertThat(stopped.versions()).extracting(BenefitVersion::kind, BenefitVersion::from, BenefitVersion::status)
                .containsExactly(tuple(ChangeKind.APPROVAL, JAN, "ACTIVE"), tuple(ChangeKind.STOP, JUNE, "STOPPED"));
        // a reduction reaching back to June: 100 a month overpaid for June and July
        c.as(reviewer, () -> benefits.change(reduced, BenefitChange.amount(ChangeKind.DECREASE, JUNE,
                new BigDecimal("400.00"), "INCOME", "定期核查：家庭收入增加")));

        PayoutRun aug = c.as(reviewer, () -> runs.generate(c.county, AUG));
        assertThat(lines(aug.id(), dead)).isEmpty();
        assertThat(lines(aug.id(), reduced)).containsExactly(line(reduced, AUG, "MONTHLY", "400.00"),
                line(reduced, AUG, "RECOVERY", "-200.00"));
        Map<Long, String> overpaid = new TreeMap<>();
        jdbc.query("select benefit_id, sum(amount) from benefit_overpayment where benefit_id in (?, ?) group by 1",
                rs -> {
                    overpaid.put(rs.getLong(1), rs.getBigDecimal(2).toPlainString());
                }, dead, reduced);
        assertThat(overpaid).containsEntry(dead, "1200.00").containsEntry(reduced, "200.00");
        // the dead payee's 1,200 stays owed (nothing left to deduct from); the other is settled
        assertThat(c.as(reviewer, () -> benefits.get(dead)).outstanding()).isEqualByComparingTo("1200.00");
        assertThat(c.as(reviewer, () -> benefits.get(reduced)).outstanding()).isEqualByComparingTo("0.00");

        // the bank file pays the net: 400 − 200
        String approver = c.reviewer(fixtures);
        c.as(approver, () -> runs.approve(aug.id()));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        c.as(approver, () -> runs.exportBankFile(aug.id(), out));
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("P" + aug.id() + "-" + reduced + ",").contains(",200.00,DIBAO,")
                .doesNotContain("P" + aug.id() + "-" + dead + ",");

        // September: the reduced benefit is paid in full again, nothing more recovered
        PayoutRun sep = c.as(reviewer, () -> runs.generate(c.county, SEP));
        assertThat(lines(sep.id(), reduced)).containsExactly(line(reduced, SEP, "MONTHLY", "400.00"));
    }

    @Test
    void moneyPaidBackOutsideTheRunsIsNotDeductedAgain() {
        PayoutTestCounty c = PayoutTestCounty.create(jdbc, users);
        String reviewer = c.reviewer(fixtures);
        String caseworker = fixtures.user(c.townshipA, PayoutTestCounty.PASSWORD, "CASEWORKER");
        long[] household = c.household(c.villageA);
        long b = c.benefit(household, "DIBAO", false, "500.00", JAN, null, "ACTIVE");
        c.account(household, "6217000000000000005");
        c.as(reviewer, () -> runs.generate(c.county, MAY));
        c.as(reviewer, () -> runs.generate(c.county, JUNE));
        c.as(reviewer, () -> benefits.change(b, BenefitChange.amount(ChangeKind.DECREASE, MAY, new BigDecimal("300.00"),
                "INCOME", "收入核实后减发，自 5 月起")));
        // July: 400 overpaid for May and June; 300 taken from July's 300
        PayoutRun july = c.as(reviewer, () -> runs.generate(c.county, JULY));
        assertThat(lines(july.id())).containsExactly(line(b, JULY, "MONTHLY", "300.00"),
                line(b, JULY, "RECOVERY", "-300.00"));
        assertThat(c.as(reviewer, () -> benefits.get(b)).outstanding()).isEqualByComparingTo("100.00");

        Object[][] bad = {{"100.01", LocalDate.of(2026, 7, 20), "柜台现金", "amount"},
                {"0", LocalDate.of(2026, 7, 20), "柜台现金", "amount"},
                {"1.001", LocalDate.of(2026, 7, 20), "柜台现金", "amount"},
                {"50", null, "柜台现金", "paidOn"},
                {"50", LocalDate.now().plusDays(2), "柜台现金", "paidOn"},
                {"50", LocalDate.of(2026, 7, 20), " ", "note"}};
        for (Object[] row : bad) {
            assertThatThrownBy(() -> c.as(reviewer, () -> benefits.recordRepayment(b, new BigDecimal((String) row[0]),
                    (LocalDate) row[1], (String) row[2]))).as(java.util.Arrays.toString(row))
                    .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).field()).isEqualTo(row[3]);
        }
        assertThatThrownBy(() -> c.as(caseworker, () -> benefits.recordRepayment(b, BigDecimal.TEN,
                LocalDate.of(2026, 7, 20), "x"))).isInstanceOf(cn.dibao.common.error.ForbiddenActionException.class);

        BenefitView repaid = c.as(reviewer, () -> benefits.recordRepayment(b, new BigDecimal("100.00"),
                LocalDate.of(2026, 7, 20), "户主到乡镇窗口退回，收据号 2026-0712"));
        assertThat(repaid.repaid()).isEqualByComparingTo("100.00");
        assertThat(repaid.outstanding()).isEqualByComparingTo("0.00");
        // August pays in full: nothing left to deduct
        PayoutRun aug = c.as(reviewer, () -> runs.generate(c.county, AUG));
        assertThat(lines(aug.id())).containsExactly(line(b, AUG, "MONTHLY", "300.00"));
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where action = 'BENEFIT_REPAYMENT' and entity_id = ?""", Integer.class,
                String.valueOf(b))).isEqualTo(1);
    }

    @Test
    void aRetroactiveIncreaseIsPaidAsArrearsOnce() {
        PayoutTestCounty c = PayoutTestCounty.create(jdbc, users);
        String reviewer = c.reviewer(fixtures);
        long[] household = c.household(c.villageA);
        long b = c.benefit(household, "DIBAO", false, "500.00", JAN, null, "ACTIVE");
        c.account(household, "6217000000000000004");
        c.as(reviewer, () -> runs.generate(c.county, MAY));
        c.as(reviewer, () -> runs.generate(c.county, JUNE));
        c.as(reviewer, () -> benefits.change(b, BenefitChange.amount(ChangeKind.INCREASE, MAY, new BigDecimal("650.00"),
                "MEMBERS", "新增重病成员，增发")));
        PayoutRun july = c.as(reviewer, () -> runs.generate(c.county, JULY));
        assertThat(lines(july.id())).containsExactly(line(b, MAY, "ARREARS", "150.00"),
                line(b, JUNE, "ARREARS", "150.00"), line(b, JULY, "MONTHLY", "650.00"));
        // +30 % against June's 500: listed for the reviewer
        assertThat(july.changeCount()).isEqualTo(1);
        assertThat(c.as(reviewer, () -> runs.issues(july.id(), 10))).singleElement().satisfies(i -> {
            assertThat(i.reason()).isEqualTo(PayoutIssue.Reason.CHANGE);
            assertThat(i.previous()).isEqualByComparingTo("500.00");
            assertThat(i.amount()).isEqualByComparingTo("650.00");
        });
        PayoutRun aug = c.as(reviewer, () -> runs.generate(c.county, AUG));
        assertThat(lines(aug.id())).containsExactly(line(b, AUG, "MONTHLY", "650.00"));
        assertThat(aug.changeCount()).isZero();
    }

    @Test
    void aSuspendedBenefitIsNotPaidUntilResumed() {
        PayoutTestCounty c = PayoutTestCounty.create(jdbc, users);
        String reviewer = c.reviewer(fixtures);
        long b = c.benefit(c.household(c.villageA), "DIBAO", false, "480.00", JAN, null, "ACTIVE");
        c.as(reviewer, () -> benefits.change(b, BenefitChange.of(ChangeKind.SUSPEND, JUNE, "NOT_COLLECTED",
                "连续未领取，暂停发放待核实")));
        assertThatThrownBy(() -> c.as(reviewer, () -> benefits.change(b, BenefitChange.of(ChangeKind.RESUME, MAY,
                "REVIEW", "恢复"))))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("benefit.change.notSuspended");
        c.as(reviewer, () -> benefits.change(b, BenefitChange.of(ChangeKind.RESUME, AUG, "REVIEW", "核实后恢复发放")));
        assertThat(lines(c.as(reviewer, () -> runs.generate(c.county, JUNE)).id())).isEmpty();
        assertThat(lines(c.as(reviewer, () -> runs.generate(c.county, JULY)).id())).isEmpty();
        assertThat(lines(c.as(reviewer, () -> runs.generate(c.county, AUG)).id()))
                .containsExactly(line(b, AUG, "MONTHLY", "480.00"));
    }

    @Test
    void aGradualExitPaysTheReducedShareThenStops() {
        PayoutTestCounty c = PayoutTestCounty.create(jdbc, users);
        String reviewer = c.reviewer(fixtures);
        c.standard(JAN, "855.00", "1120.00");
        long b = c.benefit(c.household(c.villageA), "DIBAO", false, "1365.00", JAN, null, "ACTIVE");
        assertThatThrownBy(() -> c.as(reviewer, () -> benefits.gradualExit(b, JUNE, 7, new BigDecimal("50"), "就业")))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).field()).isEqualTo("months");
        assertThatThrownBy(() -> c.as(reviewer, () -> benefits.gradualExit(b, JUNE, 3, new BigDecimal("0"), "就业")))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).field()).isEqualTo("ratioPct");
        BenefitView v = c.as(reviewer, () -> benefits.gradualExit(b, JUNE, 3, new BigDecimal("50"),
                "家庭成员就业后收入超过标准"));
        assertThat(v.versions()).extracting(BenefitVersion::kind, BenefitVersion::from, BenefitVersion::to,
                x -> x.monthlyAmount().toPlainString()).containsExactly(
                tuple(ChangeKind.APPROVAL, JAN, JUNE, "1365.00"),
                tuple(ChangeKind.GRADUAL_EXIT, JUNE, SEP, "683.00"), // 682.50 rounded once, up to the yuan
                tuple(ChangeKind.STOP, SEP, null, "0.00"));
        for (YearMonth m : List.of(JUNE, JULY, AUG)) {
            assertThat(lines(c.as(reviewer, () -> runs.generate(c.county, m)).id()))
                    .containsExactly(line(b, m, "MONTHLY", "683.00"));
        }
        assertThat(lines(c.as(reviewer, () -> runs.generate(c.county, SEP)).id())).isEmpty();
    }

    @Test
    void theSpringFestivalGrantPaysOneMonthsStandardPerPerson() {
        PayoutTestCounty c = PayoutTestCounty.create(jdbc, users);
        String reviewer = c.reviewer(fixtures);
        c.standard(JAN, "855.00", "1120.00");
        long dibao = c.benefitWithBasis(c.household(c.villageA), "DIBAO", "540.00", "0", "0", "0", 3, "2025.00", null,
                JAN);
        long tekun = c.benefitWithBasis(c.household(c.villageB), "TEKUN", "0", "0", "1120.00", "185.00", 1, null,
                "HOME_SELF", JAN);
        long edge = c.benefit(c.household(c.villageB), "DIBAO_EDGE", false, "0.00", JAN, null, "ACTIVE");
        PayoutGrant grant = c.as(reviewer, () -> runs.createGrant(c.county, JUNE, "春节一次性生活补贴",
                List.of("DIBAO", "TEKUN"), "STANDARD_MONTHS", new BigDecimal("1")));
        assertThat(grant.programmes()).containsExactly("DIBAO", "TEKUN");
        assertThatThrownBy(() -> c.as(reviewer, () -> runs.createGrant(c.county, JUNE, "再发一次", List.of("DIBAO"),
                "FIXED_PER_PERSON", new BigDecimal("100"))))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("payout.grant.duplicate");
        PayoutRun june = c.as(reviewer, () -> runs.generate(c.county, JUNE));
        assertThat(lines(june.id())).containsExactly(line(dibao, JUNE, "MONTHLY", "540.00"),
                line(dibao, JUNE, "SUPPLEMENT", "2565.00"), line(tekun, JUNE, "MONTHLY", "1305.00"),
                // 特困: one month of his own 基本生活标准 (seed 003 "按照一个月保障金标准"), not the 低保 standard
                line(tekun, JUNE, "SUPPLEMENT", "1120.00"), line(edge, JUNE, "MONTHLY", "0.00"));
        // once the run exists, no grant for that month
        assertThatThrownBy(() -> c.as(reviewer, () -> runs.createGrant(c.county, JULY.minusMonths(1), "x",
                List.of("DIBAO"), "FIXED_PER_PERSON", BigDecimal.TEN)))
                .isInstanceOf(DomainException.class);
        for (Object[] bad : new Object[][] {
                {"", List.of("DIBAO"), "STANDARD_MONTHS", "1", "name"},
                {"x", List.of(), "STANDARD_MONTHS", "1", "programmes"},
                {"x", List.of("DIBAO_EDGE"), "STANDARD_MONTHS", "1", "programmes"},
                {"x", List.of("DIBAO"), "PER_HOUSEHOLD", "1", "basis"},
                {"x", List.of("DIBAO"), "STANDARD_MONTHS", "-1", "factor"},
                {"x", List.of("DIBAO"), "STANDARD_MONTHS", "0.001", "factor"}}) {
            @SuppressWarnings("unchecked")
            List<String> programmes = (List<String>) bad[1];
            assertThatThrownBy(() -> c.as(reviewer, () -> runs.createGrant(c.county, AUG, (String) bad[0], programmes,
                    (String) bad[2], new BigDecimal((String) bad[3]))))
                    .as(bad[4].toString()).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).field()).isEqualTo(bad[4]);
        }
    }

    @Test
    void decisionsAreCheckedAndChangeNothingWhenRefused() {
        PayoutTestCounty c = PayoutTestCounty.create(jdbc, users);
        String reviewer = c.reviewer(fixtures);
        String caseworker = fixtures.user(c.townshipA, PayoutTestCounty.PASSWORD, "CASEWORKER");
        long b = c.benefit(c.household(c.villageA), "DIBAO", false, "500.00", JAN, null, "ACTIVE");
        long oneOff = c.benefit(c.household(c.villageA), "TEMP_RELIEF", true, "800.00", MAY, MAY, "ACTIVE");
        Object[][] bad = {
                {BenefitChange.amount(ChangeKind.INCREASE, JUNE, new BigDecimal("400.00"), "INCOME", "x"), "gap"},
                {BenefitChange.amount(ChangeKind.DECREASE, JUNE, new BigDecimal("600.00"), "INCOME", "x"), "gap"},
                {BenefitChange.amount(ChangeKind.DECREASE, JUNE, new BigDecimal("0.00"), "INCOME", "x"), "gap"},
                {BenefitChange.amount(ChangeKind.INCREASE, JUNE, new BigDecimal("600.001"), "INCOME", "x"), "gap"},
                {BenefitChange.amount(ChangeKind.INCREASE, JUNE, new BigDecimal("-1"), "INCOME", "x"), "gap"},
                {BenefitChange.amount(ChangeKind.INCREASE, JUNE, new BigDecimal("600"), "INCOME", " "), "reason"},
                {BenefitChange.amount(ChangeKind.INCREASE, JUNE, new BigDecimal("600"), "NOPE", "x"), "reasonCode"},
                {BenefitChange.amount(ChangeKind.INCREASE, null, new BigDecimal("600"), "INCOME", "x"), "effective"},
                {BenefitChange.amount(ChangeKind.INCREASE, YearMonth.of(2025, 12), new BigDecimal("600"), "INCOME", "x"),
                        "effective"},
                {BenefitChange.stop(JUNE, "DEATH", "死亡"), "deathDate"},
                {new BenefitChange(ChangeKind.SUSPEND, JUNE, null, null, null, null, "DEATH", "x",
                        LocalDate.of(2026, 5, 1)), "reasonCode"},
                {BenefitChange.death(LocalDate.now().plusDays(3), "x"), "deathDate"},
                {BenefitChange.of(ChangeKind.RESUME, JUNE, "REVIEW", "x"), "effective"},
                {BenefitChange.of(ChangeKind.APPROVAL, JUNE, "REVIEW", "x"), "kind"},
                {BenefitChange.amount(ChangeKind.INCREASE, JUNE, new BigDecimal("600"), "INCOME", "长".repeat(401)),
                        "reason"}};
        for (Object[] row : bad) {
            assertThatThrownBy(() -> c.as(reviewer, () -> benefits.change(b, (BenefitChange) row[0])))
                    .as(row[0].toString()).isInstanceOf(DomainException.class)
                    .extracting(e -> ((DomainException) e).field()).isEqualTo(row[1]);
        }
        assertThat(jdbc.queryForObject("select count(*) from benefit_version where benefit_id = ?", Integer.class, b))
                .isEqualTo(1);
        assertThatThrownBy(() -> c.as(caseworker, () -> benefits.change(b,
                BenefitChange.stop(JUNE, "REVIEW", "x")))).isInstanceOf(cn.dibao.common.error.ForbiddenActionException.class);
        assertThatThrownBy(() -> c.as(reviewer, () -> benefits.change(oneOff,
                BenefitChange.stop(JUNE, "REVIEW", "x")))).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("benefit.change.oneOff");
        PayoutTestCounty elsewhere = PayoutTestCounty.create(jdbc, users);
        String foreign = elsewhere.reviewer(fixtures);
        assertThatThrownBy(() -> elsewhere.as(foreign, () -> benefits.get(b)))
                .isInstanceOf(cn.dibao.common.error.NotFoundException.class);
        // a stopped benefit can only be stopped earlier
        c.as(reviewer, () -> benefits.change(b, BenefitChange.stop(AUG, "REVIEW", "定期核查不再符合条件")));
        assertThatThrownBy(() -> c.as(reviewer, () -> benefits.change(b, BenefitChange.amount(ChangeKind.INCREASE, JUNE,
                new BigDecimal("600"), "INCOME", "x")))).isInstanceOf(DomainException.class)
                .extracting(e -> ((DomainException) e).messageKey()).isEqualTo("benefit.change.stopped");
        BenefitView earlier = c.as(reviewer, () -> benefits.change(b, BenefitChange.stop(JULY, "REVIEW", "提前停发")));
        assertThat(earlier.versions()).filteredOn(v -> !v.cancelled()).extracting(BenefitVersion::kind,
                BenefitVersion::from, BenefitVersion::to).containsExactly(tuple(ChangeKind.APPROVAL, JAN, JULY),
                tuple(ChangeKind.STOP, JULY, null));
        assertThat(earlier.versions()).filteredOn(BenefitVersion::cancelled).singleElement()
                .extracting(BenefitVersion::from).isEqualTo(AUG);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where entity_type = 'benefit' and entity_id = ?""", Integer.class,
                String.valueOf(b))).isEqualTo(2);
    }
}
