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
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
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
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
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

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PayoutRunService.class);

    private final JdbcClient jdbc;
    private final PayoutRunQueries queries;
    private final ReturnMatching returns;
    private final DataSource dataSource;
    private final PayoutGeneration generation;
    private final BenefitRecalculator recalculator;
    private final AuditTrail audit;
    private final Clock clock;
    private final TransactionTemplate writeTx;
    private final TransactionTemplate readTx;

    PayoutRunService(JdbcClient jdbc, PayoutRunQueries queries, ReturnMatching returns, DataSource dataSource,
                     PayoutGeneration generation,
                     BenefitRecalculator recalculator, AuditTrail audit, Clock clock,
                     PlatformTransactionManager transactions) {
        this.jdbc = jdbc;
        this.queries = queries;
        this.returns = returns;
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
            jdbc.sql("update payout_run set generated_by = :by, generated_at = :at, generated_db_at = now() where id = :run")
                    .param("by", me.getUsername()).param("at", now).param("run", runId).update();
            audit.record("PAYOUT_RESUME", "payout_run", runId, countyCode, month + " left unfinished, generated again");
        } else {
            List<Long> inserted = jdbc.sql("""
                    insert into payout_run (county_code, month, status, generated_by, generated_at)
                    values (:county, :month, 'GENERATING', :by, :at)
                    on conflict (county_code, month) do nothing
                    returning id""").param("county", countyCode).param("month", month.atDay(1))
                    .param("by", me.getUsername()).param("at", now).query(Long.class).list();
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
                jdbc.sql("delete from payout_run where id = :run and status = 'GENERATING'").param("run", runId).update();
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
        List<Long> id = jdbc.sql("""
                        insert into payout_grant (county_code, month, name, programmes, basis, factor, created_by)
                        values (:county, :month, :name, :programmes, :basis, :factor, :by)
                        on conflict (county_code, month) do nothing returning id""")
                .param("county", countyCode).param("month", month.atDay(1)).param("name", name.strip())
                .param("programmes", String.join(",", programmes.stream().sorted().toList())).param("basis", basis)
                .param("factor", factor).param("by", me.getUsername()).query(Long.class).list();
        if (id.isEmpty()) {
            throw new DomainException("month", "payout.grant.duplicate");
        }
        audit.record("PAYOUT_GRANT", "payout_grant", id.get(0), countyCode,
                month + " " + name.strip() + " " + basis + " " + factor.toPlainString() + " " + programmes);
        return grants(countyCode).stream().filter(g -> g.id() == id.get(0)).findFirst().orElseThrow();
    }

    @Transactional(readOnly = true)
    public List<PayoutGrant> grants(String countyCode) {
        return queries.grants(countyCode, CurrentStaff.scope().likePattern());
    }

    // ---- review and approve --------------------------------------------------------------------

    @Transactional(readOnly = true)
    public PayoutRun get(long runId) {
        return queries.run(runId, CurrentStaff.scope().likePattern())
                .orElseThrow(() -> new NotFoundException("payout run", runId));
    }

    @Transactional(readOnly = true)
    public Optional<PayoutRun> find(String countyCode, YearMonth month) {
        return queries.find(countyCode, month, CurrentStaff.scope().likePattern());
    }

    /** The runs the user may see, newest month first, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<PayoutRun> list(int limit) {
        return queries.list(CurrentStaff.scope().likePattern(), limit);
    }

    /** Totals by township, programme and kind, exact to the fen; their sum is the run's total. */
    @Transactional(readOnly = true)
    public List<PayoutTotal> totals(long runId) {
        get(runId);
        return queries.totals(runId);
    }

    /**
     * Items with a zero amount, without a payment account, or whose monthly amount moved by more than
     * the set percentage against last month (an item may be listed twice), at most {@code limit}.
     */
    @Transactional(readOnly = true)
    public List<PayoutIssue> issues(long runId, int limit) {
        PayoutRun run = get(runId);
        List<PayoutIssue> out = new ArrayList<>(queries.zeroOrNoAccount(runId, limit));
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
        return queries.changes(run, since, generation.changeAlertPct(), limit);
    }

    /** The percentage of change against last month above which a monthly line is an exception. */
    public BigDecimal changeAlertPct() {
        return generation.changeAlertPct();
    }

    /** A page of a run's items matching the query (payee names shown, account numbers masked). */
    @Transactional(readOnly = true)
    public List<PayoutItem> items(long runId, PayoutItemQuery q, int offset, int limit) {
        get(runId);
        return queries.items(runId, q, offset, limit);
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
        jdbc.sql("""
                update payout_run set status = 'APPROVED', approved_by = :by, approved_at = :at, version = version + 1
                where id = :run""").param("by", me.getUsername()).param("at", Timestamp.from(clock.instant()))
                .param("run", runId).update();
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
     * ({@value PayoutRunQueries#FETCH_SIZE} at a time) and written as they come, so a million lines need no more memory
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
            jdbc.sql("""
                    update payout_run set status = 'EXPORTED', exported_count = exported_count + 1,
                        last_exported_by = :by, last_exported_at = :at, version = version + 1
                    where id = :run""").param("by", me.getUsername()).param("at", Timestamp.from(clock.instant()))
                    .param("run", runId).update();
            audit.record("PAYOUT_BANK_FILE", "payout_run", runId, r.countyCode(),
                    r.month() + " bank file download " + format + " (full ID and account numbers)");
            return r;
        });
        return readTx.execute(tx -> format == BankFileFormat.XLSX ? streamXlsx(run, out) : streamCsv(run, out));
    }

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
        queries.eachBankLine(run.id(), line);
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
            errors.addAll(returns.check(run.id(), parsed.lines()));
            errors.sort(java.util.Comparator.comparingInt(ReturnFileError::lineNo));
        }
        boolean applied = errors.isEmpty();
        int[] counts = {0, 0, 0};
        for (ReturnLine l : parsed.lines()) {
            counts[l.status().ordinal()]++;
        }
        String sha = sha256(content == null ? new byte[0] : content);
        long importId = jdbc.sql("""
                        insert into payout_return_import (run_id, file_name, sha256, encoding, lines, paid, failed, applied,
                            errors, imported_by)
                        values (:run, :fileName, :sha256, :encoding, :lines, :paid, :failed, :applied, :errors, :by)
                        returning id""")
                .param("run", runId).param("fileName", name).param("sha256", sha).param("encoding", parsed.encoding())
                .param("lines", parsed.lines().size()).param("paid", applied ? counts[0] : 0)
                .param("failed", applied ? counts[1] + counts[2] : 0).param("applied", applied)
                .param("errors", applied ? null : String.join("\n", errors.stream().map(ReturnMatching::text).toList()))
                .param("by", me.getUsername()).query(Long.class).single();
        if (applied) {
            returns.apply(run.id(), importId, clock.instant());
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
        return queries.imports(runId);
    }

    /**
     * Pays a failed or returned item again by hand before the run is closed (at the counter, to a
     * corrected account): a new PAID item for the same benefit, month and kind in the same run, with
     * how it was paid. The unique key still allows only one live item for them.
     */
    @Transactional
    public PayoutItem payByHand(long itemId, String note) {
        StaffPrincipal me = CurrentStaff.require();
        Long runId = queries.runOfItem(itemId).orElseThrow(() -> new NotFoundException("payout item", itemId));
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
        Item item = jdbc.sql("""
                        select status, kind, exists (select 1 from payout_item r where r.reissue_of = i.id) as reissued
                        from payout_item i where id = :item""").param("item", itemId)
                .query((rs, i) -> new Item(rs.getString("status"), rs.getString("kind"), rs.getBoolean("reissued")))
                .single();
        if (!(item.status().equals("FAILED") || item.status().equals("RETURNED")) || item.reissued()
                || item.kind().equals("RECOVERY")) {
            throw DomainException.global("payout.hand.notFailed");
        }
        long id = jdbc.sql("insert into payout_item (" + PayoutGeneration.ITEM_COLUMNS + """
                        , reissue_of, status, answered_at, hand_note)
                        select run_id, month, benefit_id, household_id, payee_person_id, payment_account_id, township_code,
                               programme, kind, amount, id, 'PAID', :at, :note from payout_item where id = :item
                        returning id""").param("at", Timestamp.from(clock.instant())).param("note", note.strip())
                .param("item", itemId).query(Long.class).single();
        jdbc.sql("""
                insert into payout_run_total (run_id, township_code, programme, kind, items, amount)
                select run_id, township_code, programme, kind, 1, amount from payout_item where id = :item
                on conflict (run_id, township_code, programme, kind)
                do update set items = payout_run_total.items + 1, amount = payout_run_total.amount + excluded.amount""")
                .param("item", id).update();
        jdbc.sql("""
                update payout_run r set item_count = item_count + 1, total_amount = total_amount + i.amount,
                    version = version + 1
                from payout_item i where i.id = :item and r.id = i.run_id""").param("item", id).update();
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
        int open = queries.openBankLines(runId);
        if (open > 0) {
            throw DomainException.global("payout.close.unanswered", open);
        }
        jdbc.sql("""
                update payout_item set status = 'FAILED', fail_reason = '无有效收款账户', answered_at = :at
                where run_id = :run and status = 'ISSUED' and payment_account_id is null and amount <> 0""")
                .param("at", now).param("run", runId).update();
        jdbc.sql("""
                update payout_item set status = 'PAID', answered_at = :at
                where run_id = :run and status = 'ISSUED'""").param("at", now).param("run", runId).update();
        refreshCounts(runId);
        PayoutRun counted = load(runId);
        if (!counted.reconciled()) {
            // cannot happen while every item has one of the four statuses; refuse rather than close wrong
            throw DomainException.global("payout.close.unbalanced", counted.openAmount().toPlainString());
        }
        jdbc.sql("""
                update payout_run set status = 'CLOSED', closed_by = :by, closed_at = :at, version = version + 1
                where id = :run""").param("by", me.getUsername()).param("at", now).param("run", runId).update();
        audit.record("PAYOUT_CLOSE", "payout_run", runId, run.countyCode(), run.month() + " issued="
                + counted.totalAmount().toPlainString() + " paid=" + counted.paidAmount().toPlainString() + " failed="
                + counted.failedAmount().toPlainString() + " returned=" + counted.returnedAmount().toPlainString());
        return load(runId);
    }

    private void refreshCounts(long runId) {
        jdbc.sql("""
                update payout_run r
                set paid_count = c.paid_n, paid_amount = c.paid_s, failed_count = c.failed_n, failed_amount = c.failed_s,
                    returned_count = c.returned_n, returned_amount = c.returned_s, version = r.version + 1
                from (select count(*) filter (where status = 'PAID') as paid_n,
                             coalesce(sum(amount) filter (where status = 'PAID'), 0) as paid_s,
                             count(*) filter (where status = 'FAILED') as failed_n,
                             coalesce(sum(amount) filter (where status = 'FAILED'), 0) as failed_s,
                             count(*) filter (where status = 'RETURNED') as returned_n,
                             coalesce(sum(amount) filter (where status = 'RETURNED'), 0) as returned_s
                      from payout_item where run_id = :run) c
                where r.id = :run""").param("run", runId).update();
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Serialises generators (and grant or recalculation changes) of this county on every node. */
    private void lockCounty(String countyCode) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:cls, :key)").param("cls", LOCK_CLASS)
                .param("key", Integer.parseInt(countyCode.substring(0, 6))).query(Integer.class).single();
    }

    /** The run, locked for update, in the user's scope (404 otherwise). */
    private PayoutRun lock(long runId) {
        return queries.lock(runId, CurrentStaff.scope().likePattern())
                .orElseThrow(() -> new NotFoundException("payout run", runId));
    }

    private PayoutRun load(long runId) {
        return queries.load(runId);
    }

    private void requireCounty(String countyCode) {
        if (countyCode == null || !countyCode.matches("[0-9]{6}000000") || !queries.countyExists(countyCode)) {
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
}
