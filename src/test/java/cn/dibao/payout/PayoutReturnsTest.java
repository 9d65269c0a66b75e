package cn.dibao.payout;

import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.support.Fixtures;
import cn.dibao.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.UserDetailsService;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Issue 6, steps 5 and 6: the bank's return file answers the bank file line by line; failed lines are
 * paid again by the next run or by hand; the run closes once issued = paid + failed + returned to the
 * fen. A bad return file (syntax, encoding, unknown references, amounts or accounts that do not match,
 * lines answered before) is reported line by line and changes nothing.
 */
@IntegrationTest
class PayoutReturnsTest {

    static final YearMonth MAY = YearMonth.of(2026, 5);
    static final YearMonth JUNE = YearMonth.of(2026, 6);
    static final String HEADER = "参考号,账号,金额,结果,失败原因";

    @Autowired
    PayoutRunService runs;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDetailsService users;
    @Autowired
    Fixtures fixtures;

    /** A county with three paid benefits (odd amounts), one without an account and one of 0. */
    private final class Setup {
        final PayoutTestCounty c = PayoutTestCounty.create(jdbc, users);
        final String generator = c.reviewer(fixtures);
        final String approver = c.reviewer(fixtures);
        final long[] benefits = new long[5];
        final String[] accounts = {"6217000010000000001", "6217000010000000002", "6217000010000000003"};
        PayoutRun run;
        List<String[]> bankLines;

        Setup() {
            String[] amounts = {"855.33", "1451.99", "0.01", "300.00", "0.00"};
            for (int i = 0; i < amounts.length; i++) {
                long[] h = c.household(i % 2 == 0 ? c.villageA : c.villageB);
                benefits[i] = c.benefit(h, "DIBAO", false, amounts[i], YearMonth.of(2026, 1), null, "ACTIVE");
                if (i < 3) {
                    c.account(h, accounts[i]);
                } else if (i == 4) {
                    c.account(h, "6217000010000000005");
                }
            }
            run = c.as(generator, () -> runs.generate(c.county, MAY));
            c.as(approver, () -> runs.approve(run.id()));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            c.as(approver, () -> runs.exportBankFile(run.id(), out));
            bankLines = Arrays.stream(out.toString(StandardCharsets.UTF_8).split("\r\n")).skip(1)
                    .map(l -> l.split(",")).toList();
        }

        /** A return line for the bank line of the benefit: reference, account, amount, result, reason. */
        String answer(int benefit, String result, String reason) {
            String[] l = bankLines.stream().filter(x -> x[0].equals("P" + run.id() + "-" + benefits[benefit]))
                    .findFirst().orElseThrow();
            return l[0] + "," + l[4] + "," + l[5] + "," + result + "," + reason;
        }

        ReturnImportResult upload(String... lines) {
            return upload(StandardCharsets.UTF_8, lines);
        }

        ReturnImportResult upload(Charset charset, String... lines) {
            byte[] body = (HEADER + "\r\n" + String.join("\r\n", lines) + "\r\n").getBytes(charset);
            return c.as(approver, () -> runs.importReturns(run.id(), "回盘.csv", body));
        }

        Map<Long, String> statuses() {
            return jdbc.query("select benefit_id, status from payout_item where run_id = ?", rs -> {
                Map<Long, String> m = new java.util.TreeMap<>();
                while (rs.next()) {
                    m.put(rs.getLong(1), rs.getString(2));
                }
                return m;
            }, run.id());
        }
    }

    @Test
    void answeredLinesAreSettledAndTheRunClosesReconciledToTheFen() {
        Setup s = new Setup();
        assertThat(s.bankLines).hasSize(3); // no account, and 0.00, are not sent to the bank
        assertThatThrownBy(() -> s.c.as(s.approver, () -> runs.close(s.run.id())))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("payout.close.unanswered");

        ReturnImportResult first = s.upload(s.answer(0, "成功", ""), s.answer(1, "失败", "账户已销户"));
        assertThat(first.applied()).isTrue();
        assertThat(first.paid()).isEqualTo(1);
        assertThat(first.failed()).isEqualTo(1);
        // the rest comes in a second file
        ReturnImportResult second = s.upload(s.answer(2, "退回", "户名不符，资金退回"));
        assertThat(second.applied()).isTrue();
        assertThat(second.returned()).isEqualTo(1);

        PayoutRun closed = s.c.as(s.approver, () -> runs.close(s.run.id()));
        assertThat(closed.status()).isEqualTo(PayoutRunStatus.CLOSED);
        assertThat(closed.reconciled()).isTrue();
        assertThat(closed.itemCount()).isEqualTo(5);
        assertThat(closed.totalAmount()).isEqualByComparingTo("2607.33");
        // paid: 855.33 and the 0.00 line; failed: 1,451.99 and the 300.00 without an account; returned 0.01
        assertThat(closed.paidCount()).isEqualTo(2);
        assertThat(closed.paidAmount()).isEqualByComparingTo("855.33");
        assertThat(closed.failedCount()).isEqualTo(2);
        assertThat(closed.failedAmount()).isEqualByComparingTo("1751.99");
        assertThat(closed.returnedCount()).isEqualTo(1);
        assertThat(closed.returnedAmount()).isEqualByComparingTo("0.01");
        assertThat(closed.paidAmount().add(closed.failedAmount()).add(closed.returnedAmount()))
                .isEqualByComparingTo(closed.totalAmount());
        assertThat(jdbc.queryForObject("select fail_reason from payout_item where run_id = ? and benefit_id = ?",
                String.class, s.run.id(), s.benefits[3])).isEqualTo("无有效收款账户");

        // June pays May's failed and returned lines again (the benefit without an account still has none)
        s.c.account(new long[] {jdbc.queryForObject("select household_id from benefit where id = ?", Long.class,
                s.benefits[3]), jdbc.queryForObject("select payee_person_id from benefit where id = ?", Long.class,
                s.benefits[3])}, "6217000010000000004");
        PayoutRun june = s.c.as(s.generator, () -> runs.generate(s.c.county, JUNE));
        List<String> reissued = jdbc.query("""
                select benefit_id || ' ' || to_char(month, 'YYYY-MM') || ' ' || amount || ' ' || (payment_account_id is not null)
                from payout_item where run_id = ? and reissue_of is not null order by benefit_id""",
                (rs, i) -> rs.getString(1), june.id());
        assertThat(reissued).containsExactly(s.benefits[1] + " 2026-05 1451.99 true",
                s.benefits[2] + " 2026-05 0.01 true", s.benefits[3] + " 2026-05 300.00 true");
        // and only once: the unique key refuses a second live item for the same benefit, month and kind
        assertThatThrownBy(() -> jdbc.update("""
                insert into payout_item (run_id, month, benefit_id, household_id, payee_person_id, township_code,
                    programme, kind, amount)
                select run_id, month, benefit_id, household_id, payee_person_id, township_code, programme, kind, amount
                from payout_item where run_id = ? and reissue_of is not null limit 1""", june.id()))
                .isInstanceOf(org.springframework.dao.DuplicateKeyException.class);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where entity_type = 'payout_run' and entity_id = ?
                  and action in ('PAYOUT_RETURNS', 'PAYOUT_CLOSE')""", Integer.class, String.valueOf(s.run.id())))
                .isEqualTo(3);
    }

    @Test
    void aBadReturnFileIsReportedLineByLineAndChangesNothing() {
        Setup s = new Setup();
        Setup other = new Setup();
        String good = s.answer(0, "成功", "");
        String[] g = good.split(",");
        ReturnImportResult r = s.upload(
                good,                                                           // line 2: fine
                g[0].replace("-" + s.benefits[0], "-" + s.benefits[3]) + "," + g[1] + ",300.00,成功,", // 3: not sent to the bank
                s.answer(1, "成功", "").replace(",1451.99,", ",1451.90,"),       // 4: amount does not match
                s.answer(2, "成功", "").replace(s.accounts[2], "6217000099999999999"), // 5: another account
                other.answer(0, "成功", ""),                                     // 6: another run
                "P" + s.run.id() + "-999999999,6217000010000000001,1.00,成功,",  // 7: unknown reference
                s.answer(1, "失败", ""));                                       // 8: a failure without its reason
        assertThat(r.applied()).isFalse();
        // the syntax error and every line that does not match the bank file, in one answer
        assertThat(r.errors()).extracting(ReturnFileError::lineNo).containsOnly(3, 4, 5, 6, 7, 8); // 8 twice: no reason, and a reference already on line 4
        // without the syntax error, the database checks still name every other line
        ReturnImportResult r2 = s.upload(good,
                g[0].replace("-" + s.benefits[0], "-" + s.benefits[3]) + "," + g[1] + ",300.00,成功,",
                s.answer(1, "成功", "").replace(",1451.99,", ",1451.90,"),
                s.answer(2, "成功", "").replace(s.accounts[2], "6217000099999999999"),
                other.answer(0, "成功", ""),
                "P" + s.run.id() + "-999999999,6217000010000000001,1.00,成功,");
        assertThat(r2.applied()).isFalse();
        assertThat(r2.errors()).extracting(ReturnFileError::lineNo).containsExactly(3, 4, 5, 6, 7);
        assertThat(r2.errors().get(1).message()).contains("1451.90").contains("1451.99");
        assertThat(r2.errors().get(2).message()).contains("账号");
        assertThat(r2.errors().get(3).message()).contains("其他发放批次");
        assertThat(r2.errors()).allSatisfy(e -> assertThat(e.message()).startsWith("第 " + e.lineNo() + " 行"));
        // nothing changed, both attempts kept
        assertThat(s.statuses().values()).containsOnly("ISSUED");
        assertThat(jdbc.queryForList("select applied from payout_return_import where run_id = ?", Boolean.class,
                s.run.id())).containsExactly(false, false);
        assertThat(jdbc.queryForObject("""
                select count(*) from audit_event where action = 'PAYOUT_RETURNS_REJECTED' and entity_id = ?""",
                Integer.class, String.valueOf(s.run.id()))).isEqualTo(2);
    }

    @Test
    void aLineCannotBeAnsweredTwiceAndOtherEncodingsAreRead() {
        Setup s = new Setup();
        // GBK, as many bank systems write it
        ReturnImportResult gbk = s.upload(Charset.forName("GBK"), s.answer(0, "成功", ""),
                s.answer(1, "失败", "账户冻结"));
        assertThat(gbk.applied()).isTrue();
        assertThat(gbk.encoding()).isEqualTo("GBK");
        assertThat(jdbc.queryForObject("select fail_reason from payout_item where run_id = ? and benefit_id = ?",
                String.class, s.run.id(), s.benefits[1])).isEqualTo("账户冻结");
        ReturnImportResult again = s.upload(s.answer(0, "失败", "重复"), s.answer(2, "成功", ""));
        assertThat(again.applied()).isFalse();
        assertThat(again.errors()).singleElement().satisfies(e -> {
            assertThat(e.lineNo()).isEqualTo(2);
            assertThat(e.message()).contains("已有回盘结果");
        });
        assertThat(s.statuses().get(s.benefits[2])).isEqualTo("ISSUED");
        // garbage is a file-level error
        ReturnImportResult garbage = s.c.as(s.approver, () -> runs.importReturns(s.run.id(), "x.png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 0, (byte) 0xff, (byte) 0xfe, 1, 2, 3}));
        assertThat(garbage.applied()).isFalse();
        assertThat(garbage.errors()).isNotEmpty();
    }

    @Test
    void aFailedLineCanBePaidByHandOnceBeforeTheRunCloses() {
        Setup s = new Setup();
        s.upload(s.answer(0, "成功", ""), s.answer(1, "失败", "账户已销户"), s.answer(2, "成功", ""));
        long failed = jdbc.queryForObject("select id from payout_item where run_id = ? and benefit_id = ?", Long.class,
                s.run.id(), s.benefits[1]);
        long paid = jdbc.queryForObject("select id from payout_item where run_id = ? and benefit_id = ?", Long.class,
                s.run.id(), s.benefits[0]);
        assertThatThrownBy(() -> s.c.as(s.approver, () -> runs.payByHand(failed, " ")))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).field()).isEqualTo("note");
        assertThatThrownBy(() -> s.c.as(s.approver, () -> runs.payByHand(paid, "柜台现金")))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("payout.hand.notFailed");
        PayoutItem byHand = s.c.as(s.approver, () -> runs.payByHand(failed, "乡镇柜台转账至新开账户"));
        assertThat(byHand.status()).isEqualTo("PAID");
        assertThat(byHand.reissueOf()).isEqualTo(failed);
        assertThat(byHand.amount()).isEqualByComparingTo("1451.99");
        assertThatThrownBy(() -> s.c.as(s.approver, () -> runs.payByHand(failed, "再付一次")))
                .isInstanceOf(DomainException.class);

        PayoutRun closed = s.c.as(s.approver, () -> runs.close(s.run.id()));
        assertThat(closed.reconciled()).isTrue();
        assertThat(closed.itemCount()).isEqualTo(6);
        assertThat(closed.totalAmount()).isEqualByComparingTo("4059.32");
        assertThat(closed.failedAmount()).isEqualByComparingTo("1751.99");
        assertThat(closed.paidAmount()).isEqualByComparingTo("2307.33");
        List<PayoutTotal> totals = s.c.as(s.approver, () -> runs.totals(s.run.id()));
        assertThat(totals.stream().map(PayoutTotal::amount).reduce(java.math.BigDecimal.ZERO, java.math.BigDecimal::add))
                .isEqualByComparingTo(closed.totalAmount());
        // June does not pay the hand-paid month again
        PayoutRun june = s.c.as(s.generator, () -> runs.generate(s.c.county, JUNE));
        assertThat(jdbc.queryForList("select to_char(month, 'YYYY-MM') from payout_item where run_id = ? and benefit_id = ?",
                String.class, june.id(), s.benefits[1])).containsExactly("2026-06");
    }

    @Test
    void onlyCountyReviewersAnswerAndCloseAndOnlyInTheirState() {
        Setup s = new Setup();
        String caseworker = fixtures.user(s.c.townshipA, PayoutTestCounty.PASSWORD, "CASEWORKER");
        String countyCaseworker = fixtures.user(s.c.county, PayoutTestCounty.PASSWORD, "CASEWORKER");
        byte[] body = (HEADER + "\r\n" + s.answer(0, "成功", "")).getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> s.c.as(countyCaseworker, () -> runs.importReturns(s.run.id(), "r.csv", body)))
                .isInstanceOf(ForbiddenActionException.class);
        assertThatThrownBy(() -> s.c.as(caseworker, () -> runs.close(s.run.id())))
                .isInstanceOf(cn.dibao.common.error.NotFoundException.class);
        // a run not exported yet takes no return file
        PayoutRun june = s.c.as(s.generator, () -> runs.generate(s.c.county, JUNE));
        assertThatThrownBy(() -> s.c.as(s.approver, () -> runs.importReturns(june.id(), "r.csv", body)))
                .isInstanceOf(DomainException.class).extracting(e -> ((DomainException) e).messageKey())
                .isEqualTo("payout.run.state");
        assertThat(s.statuses().values()).containsOnly("ISSUED");
    }
}
