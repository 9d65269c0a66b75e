package cn.dibao.payout;

import cn.dibao.audit.AuditTrail;
import cn.dibao.benefit.BenefitRecalculator;
import cn.dibao.benefit.Recalculation;
import cn.dibao.common.security.CurrentStaff;
import cn.dibao.common.security.Role;
import cn.dibao.common.security.StaffPrincipal;
import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.ForbiddenActionException;
import cn.dibao.common.error.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import javax.sql.DataSource;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The monthly payout run of a county (issue 6, ADR 0011, ADR 0013, ADR 0014): generate the items of
 * a month set-based (in parallel parts; the run cannot be approved until it is whole), review totals
 * and exceptions, approve with four eyes, stream the bank file (CSV or XLSX), take the bank's return
 * files, close with the reconciliation. A run is keyed by (county, month) and a live item by
 * (benefit, month, kind), so nothing is paid twice.
 */
@Service
public class PayoutRunService {

    /** First key of the advisory lock that serialises generation per county ("PAY1"). */
    static final int LOCK_CLASS = 0x50415931;

    /** How long a generate waits for another generation of the county (minutes at the most, even with a recalculation). */
    private static final java.time.Duration LOCK_WAIT = java.time.Duration.ofMinutes(3);

    /** The month's items as {@link PayoutGeneration} selects them (public for the benchmark's baseline). */
    public static final String ITEM_SELECT = PayoutGeneration.ITEM_SELECT;

    /** The bank file's header (the bank needs full names, ID and account numbers). */
    static final String BANK_FILE_HEADER = "参考号,收款人姓名,证件号码,开户银行,账号,金额,救助类别,乡镇代码,发放月份,代管";

    /** Programmes a one-off grant may be paid to. */
    static final Set<String> GRANT_PROGRAMMES = Set.of("DIBAO", "DIBAO_SINGLE", "TEKUN");

    private static final String RUN_COLUMNS = """
            id, county_code, month, status, item_count, total_amount, zero_count, no_account_count, change_count,
            generated_by, generated_at, approved_by, approved_at, exported_count, paid_count, paid_amount, failed_count,
            failed_amount, returned_count, returned_amount, closed_by, closed_at""";

    private static final RowMapper<PayoutRun> RUN = (rs, i) -> new PayoutRun(rs.getLong("id"),
            rs.getString("county_code"), YearMonth.from(rs.getObject("month", LocalDate.class)),
            PayoutRunStatus.valueOf(rs.getString("status")), rs.getInt("item_count"), rs.getBigDecimal("total_amount"),
            rs.getInt("zero_count"), rs.getInt("no_account_count"), rs.getInt("change_count"),
            rs.getString("generated_by"), rs.getTimestamp("generated_at").toInstant(), rs.getString("approved_by"),
            instant(rs.getTimestamp("approved_at")), rs.getInt("exported_count"), rs.getInt("paid_count"),
            rs.getBigDecimal("paid_amount"), rs.getInt("failed_count"), rs.getBigDecimal("failed_amount"),
            rs.getInt("returned_count"), rs.getBigDecimal("returned_amount"), rs.getString("closed_by"),
            instant(rs.getTimestamp("closed_at")));

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PayoutRunService.class);

    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final PayoutGeneration generation;
    private final BenefitRecalculator recalculator;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate writeTx;
    private final TransactionTemplate readTx;

    PayoutRunService(JdbcTemplate jdbc, DataSource dataSource, PayoutGeneration generation,
                     BenefitRecalculator recalculator, AuditTrail audit, Clock clock,
                     PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.generation = generation;
        this.recalculator = recalculator;
        this.audit = audit;
        this.clock = clock;
        this.writeTx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        this.readTx.setReadOnly(true);
    }

    // ---- generate ------------------------------------------------------------------------------

    /**
     * The run of the county and month: generated now if there is none, otherwise the existing one
     * (a second click, or a second node, waits for the county's lock and gets the same run and no new
     * items). A standard that takes effect in the month first recalculates the county's benefits.
     * The run row commits first as GENERATING, the month's items in parallel parts that commit on
     * their own, the rest with GENERATED (ADR 0014): a run is never approvable before it is whole. A
     * failure takes the run away again; a run left GENERATING by a generator that died (kill -9)
     * resumes here: its items are cleared and written again. Not to be called inside a transaction.
     */
    public PayoutRun generate(String countyCode, YearMonth month) {
        StaffPrincipal me = CurrentStaff.require();
        requireCounty(countyCode);
        requireCountyReviewer(me, countyCode);
        if (month == null) {
            throw new DomainException("month", "payout.month.required");
        }
        if (month.isAfter(YearMonth.now(clock).plusMonths(1))) {
            throw new DomainException("month", "payout.month.future");
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()) {
            // the parts commit on other connections: they could not see, nor wait for, this transaction
            throw new IllegalStateException("a payout run is generated outside any transaction");
        }
        try (CountyGenerationLock ignored = CountyGenerationLock.acquire(dataSource, countyCode, LOCK_WAIT)) {
            Optional<PayoutRun> existing = readTx.execute(s -> find(countyCode, month));
            if (existing.isPresent() && existing.get().status() != PayoutRunStatus.GENERATING) {
                return existing.get();
            }
            Long runId = writeTx.execute(s -> start(countyCode, month, me, existing.map(PayoutRun::id).orElse(null)));
            if (runId == null) {
                return readTx.execute(s -> find(countyCode, month)).orElseThrow();
            }
            try {
                PayoutGeneration.MonthItems items = generation.month(runId, countyCode, month);
                return writeTx.execute(s -> {
                    generation.finish(runId, countyCode, month, items);
                    PayoutRun run = load(runId);
                    audit.record("PAYOUT_GENERATE", "payout_run", runId, countyCode,
                            month + " items=" + run.itemCount() + " total=" + run.totalAmount().toPlainString()
                                    + " exceptions=" + run.exceptionCount());
                    return run;
                });
            } catch (RuntimeException e) {
                discard(runId, e);
                throw e;
            }
        }
    }

    /**
     * The run row (GENERATING), or the one a dead generator left, cleared; then the recalculation for
     * a standard that takes effect in the month. Null when the (county, month) key was taken without
     * the lock (it is the last word either way).
     */
    private Long start(String countyCode, YearMonth month, StaffPrincipal me, Long abandoned) {
        Timestamp now = Timestamp.from(clock.instant());
        Long runId;
        if (abandoned != null) {
            runId = abandoned;
            generation.clear(runId);
            jdbc.update("update payout_run set generated_by = ?, generated_at = ?, generated_db_at = now() where id = ?",
                    me.getUsername(), now, runId);
            audit.record("PAYOUT_RESUME", "payout_run", runId, countyCode, month + " left unfinished, generated again");
        } else {
            List<Long> inserted = jdbc.queryForList("""
                    insert into payout_run (county_code, month, status, generated_by, generated_at)
                    values (?, ?, 'GENERATING', ?, ?)
                    on conflict (county_code, month) do nothing
                    returning id""", Long.class, countyCode, month.atDay(1), me.getUsername(), now);
            if (inserted.isEmpty()) {
                return null;
            }
            runId = inserted.get(0);
        }
        if (recalculator.newStandardIn(countyCode, month)) {
            recalculator.recalculate(countyCode, month, me.getUsername());
        }
        return runId;
    }

    /** After a failed generation: the run and what its parts committed go (a dead generator's run resumes). */
    private void discard(long runId, RuntimeException cause) {
        try {
            writeTx.executeWithoutResult(s -> {
                generation.clear(runId);
                jdbc.update("delete from payout_run where id = ? and status = 'GENERATING'", runId);
            });
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            log.warn("Payout run {} could not be taken away after a failed generation; the next generate resumes it",
                    runId, e);
        }
    }

    /**
     * Recalculates the county's benefits for the standards in force from the month: ahead of its run,
     * so the change lines can be reviewed first (the run does it itself otherwise), or after it, for a
     * standard published late. Once per county and month.
     */
    @Transactional
    public Recalculation recalculate(String countyCode, YearMonth month) {
        StaffPrincipal me = CurrentStaff.require();
        requireCounty(countyCode);
        requireCountyReviewer(me, countyCode);
        if (month == null) {
            throw new DomainException("month", "payout.month.required");
        }
        lockCounty(countyCode);
        // a standard often takes effect before it is published: months already paid get their
        // difference as 补发 in the next run (the ledger compares what was due with what was paid)
        return recalculator.recalculate(countyCode, month, me.getUsername());
    }

    // ---- one-off grants ------------------------------------------------------------------------

    /** Plans a one-off grant (e.g. 春节一次性生活补贴) for a month whose run is not generated yet. */
    @Transactional
    public PayoutGrant createGrant(String countyCode, YearMonth month, String name, List<String> programmes,
                                   String basis, BigDecimal factor) {
        StaffPrincipal me = CurrentStaff.require();
        requireCounty(countyCode);
        requireCountyReviewer(me, countyCode);
        if (month == null) {
            throw new DomainException("month", "payout.month.required");
        }
        if (name == null || name.isBlank() || name.strip().length() > 60) {
            throw new DomainException("name", "payout.grant.name");
        }
        if (programmes == null || programmes.isEmpty() || !GRANT_PROGRAMMES.containsAll(programmes)) {
            throw new DomainException("programmes", "payout.grant.programmes");
        }
        if (!"STANDARD_MONTHS".equals(basis) && !"FIXED_PER_PERSON".equals(basis)) {
            throw new DomainException("basis", "payout.grant.basis");
        }
        if (factor == null || factor.signum() <= 0 || factor.stripTrailingZeros().scale() > 2
                || factor.compareTo(new BigDecimal("100000")) >= 0) {
            throw new DomainException("factor", "payout.grant.factor");
        }
        lockCounty(countyCode);
        if (find(countyCode, month).isPresent()) {
            throw new DomainException("month", "payout.grant.runExists");
        }
        List<Long> id = jdbc.queryForList("""
                insert into payout_grant (county_code, month, name, programmes, basis, factor, created_by)
                values (?, ?, ?, ?, ?, ?, ?) on conflict (county_code, month) do nothing returning id""", Long.class,
                countyCode, month.atDay(1), name.strip(), String.join(",", programmes.stream().sorted().toList()),
                basis, factor, me.getUsername());
        if (id.isEmpty()) {
            throw new DomainException("month", "payout.grant.duplicate");
        }
        audit.record("PAYOUT_GRANT", "payout_grant", id.get(0), countyCode,
                month + " " + name.strip() + " " + basis + " " + factor.toPlainString() + " " + programmes);
        return grants(countyCode).stream().filter(g -> g.id() == id.get(0)).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<PayoutGrant> grants(String countyCode) {
        return jdbc.query("""
                select id, county_code, month, name, programmes, basis, factor, created_by from payout_grant
                where county_code = ? and county_code like ? order by month desc""", (rs, i) -> new PayoutGrant(
                rs.getLong(1), rs.getString(2), YearMonth.from(rs.getObject(3, LocalDate.class)), rs.getString(4),
                Arrays.asList(rs.getString(5).split(",")), rs.getString(6), rs.getBigDecimal(7), rs.getString(8)),
                countyCode, CurrentStaff.scope().likePattern());
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

    /** The runs the user may see, newest month first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<PayoutRun> list(int limit) {
        return jdbc.query("select " + RUN_COLUMNS + " from payout_run where county_code like ? "
                + "order by month desc, county_code limit ?", RUN, CurrentStaff.scope().likePattern(), limit);
    }

    /** Totals by township, programme and kind, exact to the fen; their sum is the run's total. */
    @Transactional(readOnly = true)
    public List<PayoutTotal> totals(long runId) {
        get(runId);
        return jdbc.query("""
                select t.township_code, a.name, t.programme, t.kind, t.items, t.amount
                from payout_run_total t left join area a on a.code = t.township_code
                where t.run_id = ?
                order by t.township_code, t.programme, t.kind""", (rs, n) -> new PayoutTotal(rs.getString(1),
                rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getBigDecimal(6)), runId);
    }

    /**
     * Items with a zero amount, without a payment account, or whose monthly amount moved by more than
     * the set percentage against last month (an item may be listed twice), at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<PayoutIssue> issues(long runId, int limit) {
        PayoutRun run = get(runId);
        List<PayoutIssue> out = new ArrayList<>(jdbc.query("""
                select id, benefit_id, household_id, payee_person_id, township_code, programme, amount, reason from (
                  select i.*, 'ZERO_AMOUNT' as reason from payout_item i where i.run_id = ? and i.amount = 0
                  union all
                  select i.*, 'NO_ACCOUNT' from payout_item i where i.run_id = ? and i.payment_account_id is null
                ) x order by township_code, id, reason limit ?""", (rs, n) -> new PayoutIssue(rs.getLong(1),
                rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getString(5), rs.getString(6), rs.getBigDecimal(7),
                PayoutIssue.Reason.valueOf(rs.getString(8)), null), runId, runId, limit));
        if (out.size() < limit) {
            out.addAll(changes(run, limit - out.size()));
        }
        return out;
    }

    private List<PayoutIssue> changes(PayoutRun run, int limit) {
        java.sql.Timestamp since = generation.since(run.countyCode(), run.month());
        if (since == null) {
            return List.of(); // the county's first run: nothing to compare with
        }
        var p = new org.springframework.jdbc.core.namedparam.MapSqlParameterSource().addValue("run", run.id())
                .addValue("since", since)
                .addValue("month", Date.valueOf(run.month().atDay(1)))
                .addValue("prevMonth", Date.valueOf(run.month().minusMonths(1).atDay(1)))
                .addValue("county", run.countyCode()).addValue("pattern", run.countyCode().substring(0, 6) + "%")
                .addValue("pct", generation.changeAlertPct()).addValue("limit", limit);
        return new org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate(jdbc).query(
                "select * from (" + PayoutGeneration.CHANGES + ") c order by township_code, id limit :limit", p,
                (rs, n) -> new PayoutIssue(rs.getLong("id"), rs.getLong("benefit_id"), rs.getLong("household_id"),
                        rs.getLong("payee_person_id"), rs.getString("township_code"), rs.getString("programme"),
                        rs.getBigDecimal("amount"), PayoutIssue.Reason.CHANGE, rs.getBigDecimal("previous")));
    }

    /** The percentage of change against last month above which a monthly line is an exception. */
    public BigDecimal changeAlertPct() {
        return generation.changeAlertPct();
    }

    /** A page of a run's items matching the query (payee names shown, account numbers masked). */
    @Transactional(readOnly = true)
    public List<PayoutItem> items(long runId, PayoutItemQuery q, int offset, int limit) {
        get(runId);
        StringBuilder where = new StringBuilder("i.run_id = ?");
        List<Object> args = new ArrayList<>(List.of(runId));
        if (q.townshipCode() != null && !q.townshipCode().isBlank()) {
            where.append(" and i.township_code = ?");
            args.add(q.townshipCode());
        }
        if (q.programme() != null && !q.programme().isBlank()) {
            where.append(" and i.programme = ?");
            args.add(q.programme());
        }
        if (q.kind() != null && !q.kind().isBlank()) {
            where.append(" and i.kind = ?");
            args.add(q.kind());
        }
        if (q.status() != null && !q.status().isBlank()) {
            where.append(" and i.status = ?");
            args.add(q.status());
        }
        String text = q.text() == null ? "" : q.text().strip();
        if (!text.isEmpty()) {
            if (text.matches("[0-9]{1,18}")) {
                where.append(" and (i.household_id = ? or i.benefit_id = ?)");
                args.add(Long.parseLong(text));
                args.add(Long.parseLong(text));
            } else {
                where.append(" and p.name like ?");
                args.add(text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        args.add(limit);
        args.add(offset);
        return jdbc.query("""
                select i.id, i.run_id, i.month, i.kind, i.benefit_id, i.household_id, i.payee_person_id, p.name,
                       i.township_code, i.programme, i.amount, i.status, i.fail_reason, i.reissue_of, pa.account_no,
                       i.hand_note, i.answered_at
                from payout_item i
                join person p on p.id = i.payee_person_id
                left join payment_account pa on pa.id = i.payment_account_id
                where\s""" + where + " order by i.township_code, i.benefit_id, i.month, i.kind limit ? offset ?",
                (rs, n) -> new PayoutItem(rs.getLong(1), rs.getLong(2), YearMonth.from(rs.getObject(3, LocalDate.class)),
                        rs.getString(4), rs.getLong(5), rs.getLong(6), rs.getLong(7), rs.getString(8), rs.getString(9),
                        rs.getString(10), rs.getBigDecimal(11), rs.getString(12), rs.getString(13),
                        (Long) rs.getObject(14), AccountNumbers.mask(rs.getString(15)), rs.getString(16),
                        instant(rs.getTimestamp(17))),
                args.toArray());
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

    /** The bank file formats. */
    public enum BankFileFormat {
        CSV, XLSX
    }

    /** The CSV bank file; see {@link #exportBankFile(long, BankFileFormat, OutputStream)}. */
    public BankFile exportBankFile(long runId, OutputStream out) {
        return exportBankFile(runId, BankFileFormat.CSV, out);
    }

    /**
     * Writes the bank file of an approved run to {@code out}, streaming: lines are read with a cursor
     * ({@value #FETCH_SIZE} at a time) and written as they come, so a million lines need no more memory
     * than a thousand. One line per benefit: the net of its items in the run (a 追回 deduction nets
     * against what the benefit is paid), only where that is above zero and the payee has an account;
     * the reference {@code P<run>-<benefit>} is what the bank's return file answers. The download is
     * audited (and the run marked EXPORTED) in its own transaction before the first byte, so even a
     * broken download leaves its audit line. {@code out} is flushed, not closed.
     */
    public BankFile exportBankFile(long runId, BankFileFormat format, OutputStream out) {
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
                    r.month() + " bank file download " + format + " (full ID and account numbers)");
            return r;
        });
        return readTx.execute(tx -> format == BankFileFormat.XLSX ? streamXlsx(run, out) : streamCsv(run, out));
    }

    static final int FETCH_SIZE = 2000;

    /** One bank line per benefit with a positive net and an account, items still unanswered. */
    static final String BANK_LINES = """
            select i.benefit_id, sum(i.amount) as amount, min(i.programme) as programme,
                   min(i.township_code) as township_code, pa.holder_name, pa.holder_id_number, pa.bank_name,
                   pa.account_no, pa.custody
            from payout_item i join payment_account pa on pa.id = i.payment_account_id
            where i.run_id = ? and i.status = 'ISSUED'
            group by i.benefit_id, pa.id
            having sum(i.amount) > 0
            order by min(i.township_code), i.benefit_id""";

    private BankFile streamCsv(PayoutRun run, OutputStream out) {
        Writer w = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
        String month = run.month().toString();
        try {
            w.write(BANK_FILE_HEADER);
            w.write("\r\n");
            BankFile file = eachLine(run, rs -> {
                try {
                    writeLine(w, rs, run.id(), month);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            w.flush();
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private BankFile streamXlsx(PayoutRun run, OutputStream out) {
        String month = run.month().toString();
        BankFileXlsxWriter x = new BankFileXlsxWriter(out, "发放" + month);
        try {
            x.header(Arrays.asList(BANK_FILE_HEADER.split(",")));
            BankFile file = eachLine(run, rs -> x.row(reference(run.id(), rs.getLong("benefit_id")),
                    rs.getString("holder_name"), rs.getString("holder_id_number"), rs.getString("bank_name"),
                    rs.getString("account_no"), rs.getBigDecimal("amount"), rs.getString("programme"),
                    rs.getString("township_code"), month, rs.getBoolean("custody")));
            x.close();
            return file;
        } catch (RuntimeException e) {
            // never hand the bank a truncated workbook that looks complete
            x.abandon();
            throw e;
        }
    }

    private interface LineWriter {
        void write(ResultSet rs) throws SQLException;
    }

    private BankFile eachLine(PayoutRun run, LineWriter writer) {
        long[] rows = {0};
        BigDecimal[] total = {BigDecimal.ZERO};
        RowCallbackHandler line = rs -> {
            writer.write(rs);
            rows[0]++;
            total[0] = total[0].add(rs.getBigDecimal("amount"));
        };
        jdbc.query(con -> {
            // forward-only with a fetch size inside a transaction: the PostgreSQL driver uses a cursor
            PreparedStatement ps = con.prepareStatement(BANK_LINES, ResultSet.TYPE_FORWARD_ONLY,
                    ResultSet.CONCUR_READ_ONLY);
            ps.setFetchSize(FETCH_SIZE);
            ps.setLong(1, run.id());
            return ps;
        }, line);
        return new BankFile(run.id(), rows[0], total[0]);
    }

    static String reference(long runId, long benefitId) {
        return "P" + runId + "-" + benefitId;
    }

    private static void writeLine(Writer w, ResultSet rs, long runId, String month) throws IOException, SQLException {
        w.write(reference(runId, rs.getLong("benefit_id")));
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

    // ---- returns, hand payments and close ------------------------------------------------------

    /**
     * Applies the bank's return file to an exported run: every line must answer an unanswered bank
     * line of this run with its account and amount; then each line's items become PAID, FAILED or
     * RETURNED. Any error anywhere (syntax, encoding, unknown reference, another run, amount or
     * account that does not match, a line answered before) rejects the whole file, lists the errors
     * line by line and changes no item. Both outcomes are kept (payout_return_import) and audited.
     */
    @Transactional
    public ReturnImportResult importReturns(long runId, String fileName, byte[] content) {
        StaffPrincipal me = CurrentStaff.require();
        PayoutRun run = lock(runId);
        requireCountyReviewer(me, run.countyCode());
        if (run.status() != PayoutRunStatus.EXPORTED) {
            throw DomainException.global("payout.run.state", run.status().name());
        }
        String name = fileName == null || fileName.isBlank() ? "return.csv"
                : fileName.strip().substring(0, Math.min(200, fileName.strip().length()));
        ParsedReturnFile parsed = ReturnFileParser.parse(content == null ? new byte[0] : content);
        // the lines that read well are matched too, so one upload reports every problem of the file
        List<ReturnFileError> errors = new ArrayList<>(parsed.errors());
        if (!parsed.lines().isEmpty()) {
            errors.addAll(ReturnMatching.check(jdbc, run.id(), parsed.lines()));
            errors.sort(java.util.Comparator.comparingInt(ReturnFileError::lineNo));
        }
        boolean applied = errors.isEmpty();
        int[] counts = {0, 0, 0};
        for (ReturnLine l : parsed.lines()) {
            counts[l.status().ordinal()]++;
        }
        String sha = sha256(content == null ? new byte[0] : content);
        long importId = jdbc.queryForObject("""
                insert into payout_return_import (run_id, file_name, sha256, encoding, lines, paid, failed, applied,
                    errors, imported_by) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) returning id""", Long.class, runId, name,
                sha, parsed.encoding(), parsed.lines().size(), applied ? counts[0] : 0,
                applied ? counts[1] + counts[2] : 0, applied,
                applied ? null : String.join("\n", errors.stream().map(ReturnMatching::text).toList()), me.getUsername());
        if (applied) {
            ReturnMatching.apply(jdbc, run.id(), importId, parsed.lines(), clock.instant());
            refreshCounts(runId);
        }
        audit.record(applied ? "PAYOUT_RETURNS" : "PAYOUT_RETURNS_REJECTED", "payout_run", runId, run.countyCode(),
                name + " sha256=" + sha + " lines=" + parsed.lines().size()
                        + (applied ? " paid=" + counts[0] + " failed=" + counts[1] + " returned=" + counts[2]
                        : " errors=" + errors.size()));
        return new ReturnImportResult(importId, applied, parsed.encoding(), parsed.lines().size(),
                applied ? counts[0] : 0, applied ? counts[1] : 0, applied ? counts[2] : 0, List.copyOf(errors));
    }

    /** The return files taken for a run, newest first. */
    @Transactional(readOnly = true)
    public List<ReturnImportResult> imports(long runId) {
        get(runId);
        return jdbc.query("""
                select id, applied, encoding, lines, paid, failed, errors from payout_return_import
                where run_id = ? order by id desc""", (rs, i) -> new ReturnImportResult(rs.getLong(1),
                rs.getBoolean(2), rs.getString(3), rs.getInt(4), rs.getInt(5), rs.getInt(6), 0,
                rs.getString(7) == null ? List.of() : rs.getString(7).lines()
                        .map(t -> new ReturnFileError(0, t)).toList()), runId);
    }

    /**
     * Pays a failed or returned item again by hand before the run is closed (at the counter, to a
     * corrected account): a new PAID item for the same benefit, month and kind in the same run, with
     * how it was paid. The unique key still allows only one live item for them.
     */
    @Transactional
    public PayoutItem payByHand(long itemId, String note) {
        StaffPrincipal me = CurrentStaff.require();
        Long runId = jdbc.query("select run_id from payout_item where id = ?", (rs, i) -> rs.getLong(1), itemId)
                .stream().findFirst().orElseThrow(() -> new NotFoundException("payout item", itemId));
        PayoutRun run = lock(runId);
        requireCountyReviewer(me, run.countyCode());
        if (run.status() != PayoutRunStatus.EXPORTED) {
            throw DomainException.global("payout.run.state", run.status().name());
        }
        if (note == null || note.isBlank() || note.strip().length() > 200) {
            throw new DomainException("note", "payout.hand.note");
        }
        record Item(String status, String kind, boolean reissued) {
        }
        Item item = jdbc.queryForObject("""
                select status, kind, exists (select 1 from payout_item r where r.reissue_of = i.id)
                from payout_item i where id = ?""", (rs, i) -> new Item(rs.getString(1), rs.getString(2),
                rs.getBoolean(3)), itemId);
        if (!(item.status().equals("FAILED") || item.status().equals("RETURNED")) || item.reissued()
                || item.kind().equals("RECOVERY")) {
            throw DomainException.global("payout.hand.notFailed");
        }
        long id = jdbc.queryForObject("insert into payout_item (" + PayoutGeneration.ITEM_COLUMNS + """
                , reissue_of, status, answered_at, hand_note)
                select run_id, month, benefit_id, household_id, payee_person_id, payment_account_id, township_code,
                       programme, kind, amount, id, 'PAID', ?, ? from payout_item where id = ?
                returning id""", Long.class, Timestamp.from(clock.instant()), note.strip(), itemId);
        jdbc.update("""
                insert into payout_run_total (run_id, township_code, programme, kind, items, amount)
                select run_id, township_code, programme, kind, 1, amount from payout_item where id = ?
                on conflict (run_id, township_code, programme, kind)
                do update set items = payout_run_total.items + 1, amount = payout_run_total.amount + excluded.amount""", id);
        jdbc.update("""
                update payout_run r set item_count = item_count + 1, total_amount = total_amount + i.amount,
                    version = version + 1
                from payout_item i where i.id = ? and r.id = i.run_id""", id);
        refreshCounts(runId);
        audit.record("PAYOUT_PAID_BY_HAND", "payout_item", id, run.countyCode(), "re-issue of item " + itemId + ": "
                + note.strip());
        return items(runId, new PayoutItemQuery(null, null, null, null, null), 0, Integer.MAX_VALUE).stream()
                .filter(x -> x.id() == id).findFirst().orElseThrow();
    }

    /**
     * Closes an exported run once the bank has answered every line: lines that were never in the bank
     * file are settled first (a net of zero is paid, a payee without an account failed, so the next run
     * pays it again), then issued = paid + failed + returned must hold exactly to the fen.
     */
    @Transactional
    public PayoutRun close(long runId) {
        StaffPrincipal me = CurrentStaff.require();
        PayoutRun run = lock(runId);
        requireCountyReviewer(me, run.countyCode());
        if (run.status() != PayoutRunStatus.EXPORTED) {
            throw DomainException.global("payout.run.state", run.status().name());
        }
        Timestamp now = Timestamp.from(clock.instant());
        // unanswered lines that were in the bank file: the bank has not said yet
        Integer open = jdbc.queryForObject("select count(*) from (" + BANK_LINES.replace("order by min(i.township_code), i.benefit_id", "") + ") x",
                Integer.class, runId);
        if (open != null && open > 0) {
            throw DomainException.global("payout.close.unanswered", open);
        }
        jdbc.update("""
                update payout_item set status = 'FAILED', fail_reason = '无有效收款账户', answered_at = ?
                where run_id = ? and status = 'ISSUED' and payment_account_id is null and amount <> 0""", now, runId);
        jdbc.update("""
                update payout_item set status = 'PAID', answered_at = ?
                where run_id = ? and status = 'ISSUED'""", now, runId);
        refreshCounts(runId);
        PayoutRun counted = load(runId);
        if (!counted.reconciled()) {
            // cannot happen while every item has one of the four statuses; refuse rather than close wrong
            throw DomainException.global("payout.close.unbalanced", counted.openAmount().toPlainString());
        }
        jdbc.update("""
                update payout_run set status = 'CLOSED', closed_by = ?, closed_at = ?, version = version + 1
                where id = ?""", me.getUsername(), now, runId);
        audit.record("PAYOUT_CLOSE", "payout_run", runId, run.countyCode(), run.month() + " issued="
                + counted.totalAmount().toPlainString() + " paid=" + counted.paidAmount().toPlainString() + " failed="
                + counted.failedAmount().toPlainString() + " returned=" + counted.returnedAmount().toPlainString());
        return load(runId);
    }

    private void refreshCounts(long runId) {
        jdbc.update("""
                update payout_run r
                set paid_count = c.paid_n, paid_amount = c.paid_s, failed_count = c.failed_n, failed_amount = c.failed_s,
                    returned_count = c.returned_n, returned_amount = c.returned_s, version = r.version + 1
                from (select count(*) filter (where status = 'PAID') as paid_n,
                             coalesce(sum(amount) filter (where status = 'PAID'), 0) as paid_s,
                             count(*) filter (where status = 'FAILED') as failed_n,
                             coalesce(sum(amount) filter (where status = 'FAILED'), 0) as failed_s,
                             count(*) filter (where status = 'RETURNED') as returned_n,
                             coalesce(sum(amount) filter (where status = 'RETURNED'), 0) as returned_s
                      from payout_item where run_id = ?) c
                where r.id = ?""", runId, runId);
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Serialises generators (and grant or recalculation changes) of this county on every node. */
    private void lockCounty(String countyCode) {
        jdbc.queryForObject("select 1 from pg_advisory_xact_lock(?, ?)", Integer.class, LOCK_CLASS,
                Integer.parseInt(countyCode.substring(0, 6)));
    }

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

    private static String sha256(byte[] content) {
        try {
            return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
