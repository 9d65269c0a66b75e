package cn.dibao.payout;

import cn.dibao.audit.AuditTrail;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.security.Role;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.common.web.DomainException;
import cn.dibao.common.web.ForbiddenActionException;
import cn.dibao.common.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * The monthly payout run of a county (issue 6, ADR 0011): generate the items of a month set-based
 * in one transaction, review totals and exceptions, approve with four eyes, stream the bank file.
 * A run is keyed by (county, month) and an item by (benefit, month, kind), so nothing is paid twice.
 */
@Service
public class PayoutRunService {

    /** First key of the advisory lock that serialises generation per county ("PAY1"). */
    static final int LOCK_CLASS = 0x50415931;

    /**
     * The items of a month, straight from the benefits in force: active, started on or before the
     * month and not ended before it; a one-off benefit only in its own month. Parameters: {@code run},
     * {@code month} (first day), {@code pattern} (county prefix + '%'). Public so the benchmark can time
     * the same SELECT as a plain {@code INSERT … SELECT}.
     */
    public static final String ITEM_SELECT = """
            select cast(:run as bigint), cast(:month as date), b.id, b.household_id, b.payee_person_id, pa.id,
                   left(b.area_code, 9) || '000', b.category,
                   case when b.one_off then 'ONE_OFF' else 'MONTHLY' end, b.monthly_amount
            from benefit b
            left join payment_account pa on pa.person_id = b.payee_person_id and pa.active
            where b.area_code like :pattern
              and b.status = 'ACTIVE'
              and b.start_month <= :month
              and (b.end_month is null or b.end_month >= :month)
              and (not b.one_off or b.start_month = :month)""";

    static final String ITEM_COLUMNS =
            "run_id, month, benefit_id, household_id, payee_person_id, payment_account_id, township_code, programme, kind, amount";

    /** The bank file's header (the bank needs full names, ID and account numbers). */
    static final String BANK_FILE_HEADER = "参考号,收款人姓名,证件号码,开户银行,账号,金额,救助类别,乡镇代码,发放月份,代管";

    private static final String RUN_COLUMNS = """
            id, county_code, month, status, item_count, total_amount, zero_count, no_account_count, generated_by,
            generated_at, approved_by, approved_at, exported_count""";

    private static final RowMapper<PayoutRun> RUN = (rs, i) -> new PayoutRun(rs.getLong("id"),
            rs.getString("county_code"), YearMonth.from(rs.getObject("month", LocalDate.class)),
            PayoutRunStatus.valueOf(rs.getString("status")), rs.getInt("item_count"), rs.getBigDecimal("total_amount"),
            rs.getInt("zero_count"), rs.getInt("no_account_count"), rs.getString("generated_by"),
            rs.getTimestamp("generated_at").toInstant(), rs.getString("approved_by"),
            instant(rs.getTimestamp("approved_at")), rs.getInt("exported_count"));

    private final JdbcTemplate jdbc;
    private final NamedParameterJdbcTemplate named;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate writeTx;
    private final TransactionTemplate readTx;

    PayoutRunService(JdbcTemplate jdbc, NamedParameterJdbcTemplate named, AuditTrail audit, Clock clock,
                     PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.named = named;
        this.audit = audit;
        this.clock = clock;
        this.writeTx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    // ---- generate ------------------------------------------------------------------------------

    /**
     * The run of the county and month: generated now if there is none, otherwise the existing one
     * (a second click, or a second node, gets the same run and no new items). The run row and all its
     * items are written in this one transaction, so a crash leaves either the whole run or nothing.
     */
    @Transactional
    public PayoutRun generate(String countyCode, YearMonth month) {
        StaffPrincipal me = CurrentStaff.require();
        requireCounty(countyCode);
        requireCountyReviewer(me, countyCode);
        if (month.isAfter(YearMonth.now(clock).plusMonths(1))) {
            throw new DomainException("month", "payout.month.future");
        }
        // serialises generators of this county on every node; released at commit or rollback
        jdbc.queryForObject("select 1 from pg_advisory_xact_lock(?, ?)", Integer.class, LOCK_CLASS,
                Integer.parseInt(countyCode.substring(0, 6)));
        Optional<PayoutRun> existing = find(countyCode, month);
        if (existing.isPresent()) {
            return existing.get();
        }
        LocalDate first = month.atDay(1);
        // the unique (county, month) key is the last word even without the lock
        List<Long> inserted = jdbc.queryForList("""
                insert into payout_run (county_code, month, status, generated_by, generated_at)
                values (?, ?, 'GENERATING', ?, ?)
                on conflict (county_code, month) do nothing
                returning id""", Long.class, countyCode, first, me.getUsername(), Timestamp.from(clock.instant()));
        if (inserted.isEmpty()) {
            return find(countyCode, month).orElseThrow();
        }
        long runId = inserted.get(0);
        named.update("with ins as (insert into payout_item (" + ITEM_COLUMNS + ") " + ITEM_SELECT + """

                  returning amount, payment_account_id)
                update payout_run r
                set status = 'GENERATED', item_count = t.n, total_amount = t.total, zero_count = t.zeros,
                    no_account_count = t.no_account
                from (select count(*) as n, coalesce(sum(amount), 0) as total,
                             count(*) filter (where amount = 0) as zeros,
                             count(*) filter (where payment_account_id is null) as no_account
                      from ins) t
                where r.id = :run""", new MapSqlParameterSource().addValue("run", runId).addValue("month", first)
                .addValue("pattern", countyCode.substring(0, 6) + "%"));
        PayoutRun run = load(runId);
        audit.record("PAYOUT_GENERATE", "payout_run", runId, countyCode,
                month + " items=" + run.itemCount() + " total=" + run.totalAmount().toPlainString()
                        + " exceptions=" + run.exceptionCount());
        return run;
    }

    // ---- review and approve --------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PayoutRun get(long runId) {
        return jdbc.query("select " + RUN_COLUMNS + " from payout_run where id = ? and county_code like ?", RUN,
                runId, CurrentStaff.scope().likePattern()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("payout run", runId));
    }

    @Transactional(readOnly = true)
    public Optional<PayoutRun> find(String countyCode, YearMonth month) {
        return jdbc.query("select " + RUN_COLUMNS + " from payout_run where county_code = ? and month = ? "
                        + "and county_code like ?", RUN, countyCode, month.atDay(1), CurrentStaff.scope().likePattern())
                .stream().findFirst();
    }

    /** Totals by township and programme, exact to the fen; their sum is the run's total. */
    @Transactional(readOnly = true)
    public List<PayoutTotal> totals(long runId) {
        get(runId);
        return jdbc.query("""
                select i.township_code, a.name, i.programme, count(*) as items, sum(i.amount) as amount
                from payout_item i left join area a on a.code = i.township_code
                where i.run_id = ?
                group by i.township_code, a.name, i.programme
                order by i.township_code, i.programme""", (rs, n) -> new PayoutTotal(rs.getString(1), rs.getString(2),
                rs.getString(3), rs.getInt(4), rs.getBigDecimal(5)), runId);
    }

    /** Items with a zero amount or without a payment account (an item may be listed for both), at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<PayoutIssue> issues(long runId, int limit) {
        get(runId);
        return jdbc.query("""
                select id, benefit_id, household_id, payee_person_id, township_code, programme, amount, reason from (
                  select i.*, 'ZERO_AMOUNT' as reason from payout_item i where i.run_id = ? and i.amount = 0
                  union all
                  select i.*, 'NO_ACCOUNT' from payout_item i where i.run_id = ? and i.payment_account_id is null
                ) x order by township_code, id, reason limit ?""", (rs, n) -> new PayoutIssue(rs.getLong(1),
                rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
                PayoutIssue.Reason.valueOf(rs.getString(8))), runId, runId, limit);
    }

    /**
     * Approves a generated run: a county reviewer other than the user who generated it (four eyes).
     * Exceptions do not block approval; they are on the run for the reviewer to see.
     */
    @Transactional
    public PayoutRun approve(long runId) {
        StaffPrincipal me = CurrentStaff.require();
        PayoutRun run = lock(runId);
        requireCountyReviewer(me, run.countyCode());
        if (run.status() != PayoutRunStatus.GENERATED) {
            throw DomainException.global("payout.run.state", run.status().name());
        }
        if (me.getUsername().equalsIgnoreCase(run.generatedBy())) {
            throw new ForbiddenActionException("payout.fourEyes");
        }
        jdbc.update("""
                update payout_run set status = 'APPROVED', approved_by = ?, approved_at = ?, version = version + 1
                where id = ?""", me.getUsername(), Timestamp.from(clock.instant()), runId);
        audit.record("PAYOUT_APPROVE", "payout_run", runId, run.countyCode(),
                run.month() + " items=" + run.itemCount() + " total=" + run.totalAmount().toPlainString());
        return load(runId);
    }

    // ---- bank file ------------------------------------------------------------------------------

    /** What a bank file held. */
    public record BankFile(long runId, long rows, BigDecimal total) {
    }

    /**
     * Writes the bank file of an approved run as CSV (UTF-8) to {@code out}, streaming: rows are read
     * with a cursor ({@value #FETCH_SIZE} at a time) and written as they come, so a million items need
     * no more memory than a thousand. Only payable items are in it (amount above zero, an account);
     * the exceptions stay with the run. The download is audited (and the run marked EXPORTED) in its
     * own transaction before the first byte, so even a broken download leaves its audit line.
     * {@code out} is flushed, not closed.
     */
    public BankFile exportBankFile(long runId, OutputStream out) {
        StaffPrincipal me = CurrentStaff.require();
        PayoutRun run = writeTx.execute(tx -> {
            PayoutRun r = lock(runId);
            requireCountyReviewer(me, r.countyCode());
            if (r.status() != PayoutRunStatus.APPROVED && r.status() != PayoutRunStatus.EXPORTED) {
                throw DomainException.global("payout.run.state", r.status().name());
            }
            jdbc.update("""
                    update payout_run set status = 'EXPORTED', exported_count = exported_count + 1,
                        last_exported_by = ?, last_exported_at = ?, version = version + 1
                    where id = ?""", me.getUsername(), Timestamp.from(clock.instant()), runId);
            audit.record("PAYOUT_BANK_FILE", "payout_run", runId, r.countyCode(),
                    r.month() + " bank file download (full ID and account numbers)");
            return r;
        });
        return readTx.execute(tx -> stream(run, out));
    }

    static final int FETCH_SIZE = 2000;

    private BankFile stream(PayoutRun run, OutputStream out) {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        long[] rows = {0};
        BigDecimal[] total = {BigDecimal.ZERO};
        String month = run.month().toString();
        try {
            w.write(BANK_FILE_HEADER);
            w.write("\r\n");
            RowCallbackHandler line = rs -> {
                try {
                    writeLine(w, rs, run.id(), month);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                rows[0]++;
                total[0] = total[0].add(rs.getBigDecimal("amount"));
            };
            jdbc.query(con -> {
                // forward-only with a fetch size inside a transaction: the PostgreSQL driver uses a cursor
                PreparedStatement ps = con.prepareStatement("""
                        select i.id, i.amount, i.programme, i.township_code, pa.holder_name, pa.holder_id_number,
                               pa.bank_name, pa.account_no, pa.custody
                        from payout_item i join payment_account pa on pa.id = i.payment_account_id
                        where i.run_id = ? and i.amount > 0 and i.status = 'ISSUED'
                        order by i.township_code, i.id""", ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
                ps.setFetchSize(FETCH_SIZE);
                ps.setLong(1, run.id());
                return ps;
            }, line);
            w.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new BankFile(run.id(), rows[0], total[0]);
    }

    private static void writeLine(Writer w, ResultSet rs, long runId, String month) throws IOException, SQLException {
        w.write("P" + runId + "-" + rs.getLong("id"));
        w.write(',');
        w.write(csv(rs.getString("holder_name")));
        w.write(',');
        w.write(csv(rs.getString("holder_id_number")));
        w.write(',');
        w.write(csv(rs.getString("bank_name")));
        w.write(',');
        w.write(csv(rs.getString("account_no")));
        w.write(',');
        w.write(rs.getBigDecimal("amount").setScale(2).toPlainString());
        w.write(',');
        w.write(csv(rs.getString("programme")));
        w.write(',');
        w.write(rs.getString("township_code"));
        w.write(',');
        w.write(month);
        w.write(',');
        w.write(rs.getBoolean("custody") ? "Y" : "N");
        w.write("\r\n");
    }

    /** RFC 4180 quoting when a value needs it. */
    static String csv(String value) {
        if (value == null) {
            return "";
        }
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** The run, locked for update, in the user's scope (404 otherwise). */
    private PayoutRun lock(long runId) {
        return jdbc.query("select " + RUN_COLUMNS + " from payout_run where id = ? and county_code like ? for update",
                        RUN, runId, CurrentStaff.scope().likePattern()).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("payout run", runId));
    }

    private PayoutRun load(long runId) {
        return jdbc.queryForObject("select " + RUN_COLUMNS + " from payout_run where id = ?", RUN, runId);
    }

    private void requireCounty(String countyCode) {
        if (countyCode == null || !countyCode.matches("[0-9]{6}000000") || !Boolean.TRUE.equals(jdbc.queryForObject(
                "select exists (select 1 from area where code = ? and level = 'COUNTY')", Boolean.class, countyCode))) {
            throw new DomainException("countyCode", "payout.county.unknown");
        }
    }

    /** Runs are county business: a REVIEWER whose scope is the county (or wider). */
    private static void requireCountyReviewer(StaffPrincipal me, String countyCode) {
        if (!me.hasRole(Role.REVIEWER) || !me.scope().contains(countyCode) || me.scope().prefix().length() > 6) {
            throw new ForbiddenActionException("payout.role.REVIEWER");
        }
    }

    private static java.time.Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
