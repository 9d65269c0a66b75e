package cn.dibao.payout;

import cn.dibao.standard.StandardsInForce;
import jakarta.annotation.PreDestroy;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The statements that fill a run (ADR 0011, ADR 0013, ADR 0014), each set-based: the month's items
 * from the versions in force, in parallel parts that commit on their own ({@link #month}); then, in
 * the caller's one transaction ({@link #finish}), the totals, re-issues of failed items, 补发 and
 * overpayments of benefits changed since the previous run, one-off grants, 追回 deductions and the
 * change check. Items are written in benefit order so the unique index grows where each part writes.
 */
@Component
class PayoutGeneration {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(PayoutGeneration.class);

    static final String ITEM_COLUMNS =
            "run_id, month, benefit_id, household_id, payee_person_id, payment_account_id, township_code, programme, kind, amount";

    /**
     * The month's items: one per benefit whose version in force in the month is active; a one-off
     * benefit (临时救助) has a one-month version, so it is paid in that month only. Parameters: {@code run},
     * {@code month} (first day), {@code pattern} (county prefix + '%'). The benchmark times this same
     * SELECT as a plain {@code INSERT … SELECT}.
     */
    static final String ITEM_SELECT = itemSelect("");

    /**
     * {@link #ITEM_SELECT} for the benefits with ids in [{@code fromId}, {@code toId}): one part of the
     * month (the range repeated on the version, so a part reads only its share of the versions' index).
     */
    static final String ITEM_SELECT_PART = itemSelect("""

              and b.id >= :fromId and b.id < :toId
              and v.benefit_id >= :fromId and v.benefit_id < :toId""");

    private static String itemSelect(String part) {
        return """
                select cast(:run as bigint), cast(:month as date), b.id, b.household_id, b.payee_person_id, pa.id,
                       left(b.area_code, 9) || '000', b.category,
                       case when b.one_off then 'ONE_OFF' else 'MONTHLY' end, v.monthly_amount
                from benefit_version v
                join benefit b on b.id = v.benefit_id
                left join payment_account pa on pa.person_id = b.payee_person_id and pa.active
                where b.area_code like :pattern
                  and v.status = 'ACTIVE'
                  and v.valid_from <= :month
                  and (v.valid_to is null or v.valid_to > :month)""" + part + "\norder by b.id";
    }

    /**
     * WITH list: the benefits changed since {@code :since} (see {@link #since}), and per earlier month
     * with a run what was due and what live items paid; recorded overpayments count as already taken
     * back.
     */
    private static final String LEDGER = """
            cand as materialized (
              select b.id, b.one_off, b.household_id, b.payee_person_id, b.area_code, b.category
              from benefit b
              where b.area_code like :pattern and b.changed_at >= :since
            ),
            months as (
              select month from payout_run where county_code = :county and month < :month and status <> 'GENERATING'
            ),
            ledger as (
              select c.*, m.month as for_month, coalesce(v.monthly_amount, 0) as due, coalesce(p.paid, 0) as paid,
                     coalesce(p.has_base, false) as has_base, coalesce(p.has_arrears, false) as has_arrears,
                     coalesce(o.amount, 0) as over
              from cand c
              cross join months m
              left join benefit_version v on v.benefit_id = c.id and v.status = 'ACTIVE'
                   and v.valid_from <= m.month and (v.valid_to is null or v.valid_to > m.month)
              left join lateral (
                select sum(i.amount) as paid, bool_or(i.kind in ('MONTHLY', 'ONE_OFF')) as has_base,
                       bool_or(i.kind = 'ARREARS') as has_arrears
                from payout_item i
                where i.benefit_id = c.id and i.month = m.month and i.kind in ('MONTHLY', 'ONE_OFF', 'ARREARS')
                  and i.status in ('ISSUED', 'PAID')) p on true
              left join benefit_overpayment o on o.benefit_id = c.id and o.month = m.month
            )""";

    /** The month's part statement: its items inserted, their totals counted from RETURNING. */
    private static final String MONTH_PART = "with ins as (insert into payout_item (" + ITEM_COLUMNS + ")\n"
            + ITEM_SELECT_PART + "\nreturning township_code, programme, kind, amount, payment_account_id)\n" + """
            select township_code, programme, kind, count(*) as n, sum(amount) as total,
                   count(*) filter (where amount = 0) as zeros,
                   count(*) filter (where payment_account_id is null) as no_account
            from ins group by township_code, programme, kind""";

    private final JdbcClient jdbc;
    /** JDBC batch update of the merged totals: JdbcClient has no batch API. */
    private final NamedParameterJdbcTemplate batch;
    private final TransactionTemplate partTx;
    private final BigDecimal changeAlertPct;
    private final int parts;
    /** Runs the month's parts after the first (the caller's thread runs that one); null for one part. */
    private final ExecutorService partPool;

    PayoutGeneration(JdbcClient jdbc, NamedParameterJdbcTemplate batch, PlatformTransactionManager transactions,
                     @Value("${dibao.payout.change-alert-pct:20}") BigDecimal changeAlertPct,
                     @Value("${dibao.payout.generation-parts:2}") int parts) {
        if (parts < 1 || parts > 16) {
            throw new IllegalArgumentException("dibao.payout.generation-parts must be 1 to 16, not " + parts);
        }
        this.jdbc = jdbc;
        this.batch = batch;
        this.partTx = new TransactionTemplate(transactions);
        this.partTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.changeAlertPct = changeAlertPct;
        this.parts = parts;
        AtomicInteger n = new AtomicInteger();
        this.partPool = parts == 1 ? null : Executors.newFixedThreadPool(parts - 1, r -> {
            Thread t = new Thread(r, "payout-part-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @PreDestroy
    void stop() {
        if (partPool != null) {
            partPool.shutdown();
        }
    }

    /** What the parts of a month inserted: totals by township, programme and kind, and how long it took. */
    record MonthItems(List<Total> totals, int parts, long millis) {
    }

    /** Items of one township, programme and kind: count, amount, zero amounts, no account. */
    record Total(String township, String programme, String kind, long items, BigDecimal amount, long zeros,
                 long noAccount) {
    }

    /**
     * 1. The month's items, in {@code dibao.payout.generation-parts} parts by benefit id range, each
     * inserted and committed by a transaction of its own, in parallel (ADR 0014): one statement is
     * bound to one core, and the month is the one big set. The run stays GENERATING meanwhile, so no
     * part can be approved; {@link #finish} completes it. Returns only when every part has ended,
     * whether or not one failed (the first failure is rethrown then), so a clean-up after a failure
     * never races a part still writing.
     */
    MonthItems month(long runId, String countyCode, YearMonth month) {
        long t = System.nanoTime();
        MapSqlParameterSource p = params(runId, countyCode, month, null);
        List<long[]> ranges = ranges(p);
        List<Future<List<Total>>> others = new ArrayList<>();
        for (long[] range : ranges.subList(Math.min(1, ranges.size()), ranges.size())) {
            others.add(partPool.submit(() -> part(p, range)));
        }
        List<Total> totals = new ArrayList<>();
        RuntimeException failure = null;
        try {
            if (!ranges.isEmpty()) {
                totals.addAll(part(p, ranges.get(0)));
            }
        } catch (RuntimeException e) {
            failure = e;
        }
        boolean interrupted = false;
        for (Future<List<Total>> other : others) {
            while (true) {
                try {
                    totals.addAll(other.get());
                    break;
                } catch (InterruptedException e) {
                    interrupted = true; // wait on: the part is still writing
                } catch (ExecutionException e) {
                    if (failure == null) {
                        failure = e.getCause() instanceof RuntimeException r ? r
                                : new IllegalStateException("payout run part failed", e.getCause());
                    }
                    break;
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (failure != null) {
            throw failure;
        }
        return new MonthItems(totals, ranges.size(), (System.nanoTime() - t) / 1_000_000);
    }

    /**
     * The county's benefit ids cut into equal spans, one per part: both ends come from the primary
     * key, so this costs nothing; none when the county has no benefit.
     */
    private List<long[]> ranges(MapSqlParameterSource p) {
        long[] span = jdbc.sql("select min(id) as lo, max(id) as hi from benefit where area_code like :pattern")
                .paramSource(p).query((rs, i) -> rs.getObject("lo") == null ? null
                        : new long[]{rs.getLong("lo"), rs.getLong("hi")}).optional().orElse(null);
        if (span == null) {
            return List.of();
        }
        long lo = span[0];
        long end = span[1] + 1;
        int n = (int) Math.min(parts, end - lo);
        List<long[]> ranges = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            ranges.add(new long[]{lo + (end - lo) * i / n, lo + (end - lo) * (i + 1) / n});
        }
        return ranges;
    }

    private List<Total> part(MapSqlParameterSource p, long[] range) {
        MapSqlParameterSource q = new MapSqlParameterSource(p.getValues()).addValue("fromId", range[0])
                .addValue("toId", range[1]);
        return partTx.execute(s -> jdbc.sql(MONTH_PART).paramSource(q).query((rs, i) -> new Total(
                rs.getString("township_code"), rs.getString("programme"), rs.getString("kind"), rs.getLong("n"),
                rs.getBigDecimal("total"), rs.getLong("zeros"), rs.getLong("no_account"))).list());
    }

    /**
     * Completes the run in the caller's transaction: the month's totals, then the steps on small sets
     * (re-issues, changed benefits, grants, debts; skipped when there is nothing for them), the change
     * check and GENERATED. Each step is logged with its time.
     */
    void finish(long runId, String countyCode, YearMonth month, MonthItems items) {
        Timestamp since = since(countyCode, month);
        MapSqlParameterSource p = params(runId, countyCode, month, since);
        long[] ms = new long[6];
        long t = System.nanoTime();
        saveTotals(p, items.totals());
        t = lap(ms, 0, t);
        reissues(p);
        t = lap(ms, 1, t);
        if (since != null) {
            ledger(p);
        }
        t = lap(ms, 2, t);
        if (exists("select 1 from payout_grant where county_code = :county and month = :month", p)) {
            grants(p);
        }
        t = lap(ms, 3, t);
        if (exists("select 1 from benefit_overpayment o join benefit b on b.id = o.benefit_id where b.area_code like :pattern", p)) {
            recoveries(p);
        }
        t = lap(ms, 4, t);
        jdbc.sql("update payout_run set status = 'GENERATED', change_count = "
                + (since == null ? "0" : "(select count(*) from (" + CHANGES + ") c)") + " where id = :run")
                .paramSource(p).update();
        lap(ms, 5, t);
        log.info("Payout run {} ({} {}) generated: month {} ms in {} parts, totals {} ms, re-issues {} ms, ledger {} ms, "
                + "grants {} ms, recoveries {} ms, change check {} ms", runId, countyCode, month, items.millis(),
                items.parts(), ms[0], ms[1], ms[2], ms[3], ms[4], ms[5]);
    }

    /**
     * Takes a run left GENERATING (its generator died or failed) back to an empty run: its items and
     * totals go, its counts start again. Nothing else was written for it: the steps of {@link #finish}
     * commit together with GENERATED.
     */
    void clear(long runId) {
        jdbc.sql("delete from payout_item where run_id = :run").param("run", runId).update();
        jdbc.sql("delete from payout_run_total where run_id = :run").param("run", runId).update();
        jdbc.sql("""
                update payout_run set item_count = 0, total_amount = 0, zero_count = 0, no_account_count = 0,
                    change_count = 0
                where id = :run and status = 'GENERATING'""").param("run", runId).update();
    }

    /** The parts' totals merged by township, programme and kind, added to the run's. */
    private void saveTotals(MapSqlParameterSource p, List<Total> totals) {
        Map<List<String>, Total> merged = new LinkedHashMap<>();
        for (Total t : totals) {
            merged.merge(List.of(t.township(), t.programme(), t.kind()), t, (a, b) -> new Total(a.township(),
                    a.programme(), a.kind(), a.items() + b.items(), a.amount().add(b.amount()), a.zeros() + b.zeros(),
                    a.noAccount() + b.noAccount()));
        }
        batch.batchUpdate("""
                insert into payout_run_total (run_id, township_code, programme, kind, items, amount)
                values (:run, :township, :programme, :kind, :items, :amount)
                on conflict (run_id, township_code, programme, kind)
                do update set items = payout_run_total.items + excluded.items,
                              amount = payout_run_total.amount + excluded.amount""",
                merged.values().stream().map(t -> new MapSqlParameterSource(p.getValues())
                        .addValue("township", t.township()).addValue("programme", t.programme())
                        .addValue("kind", t.kind()).addValue("items", t.items()).addValue("amount", t.amount()))
                        .toArray(MapSqlParameterSource[]::new));
        MapSqlParameterSource sums = new MapSqlParameterSource(p.getValues())
                .addValue("items", merged.values().stream().mapToLong(Total::items).sum())
                .addValue("amount", merged.values().stream().map(Total::amount).reduce(BigDecimal.ZERO, BigDecimal::add))
                .addValue("zeros", merged.values().stream().mapToLong(Total::zeros).sum())
                .addValue("noAccount", merged.values().stream().mapToLong(Total::noAccount).sum());
        jdbc.sql("""
                update payout_run set item_count = item_count + :items, total_amount = total_amount + :amount,
                    zero_count = zero_count + :zeros, no_account_count = no_account_count + :noAccount
                where id = :run""").paramSource(sums).update();
    }

    private MapSqlParameterSource params(long runId, String countyCode, YearMonth month, Timestamp since) {
        return new MapSqlParameterSource().addValue("run", runId)
                .addValue("month", Date.valueOf(month.atDay(1))).addValue("county", countyCode)
                .addValue("pattern", countyCode.substring(0, 6) + "%")
                .addValue("prevMonth", Date.valueOf(month.minusMonths(1).atDay(1)))
                .addValue("pct", changeAlertPct).addValue("since", since);
    }

    /**
     * When the previous run of the county (an earlier month) was generated, less an hour's slack for
     * a change committed while it ran (looking at a settled benefit again finds nothing to do); null
     * when there is none. Benefits changed since then are the only ones whose earlier months or
     * monthly amount can have moved. Database time, like {@code benefit.changed_at}.
     */
    Timestamp since(String countyCode, YearMonth month) {
        return jdbc.sql("""
                select max(generated_db_at) - interval '1 hour' from payout_run
                where county_code = :county and month < :month and status <> 'GENERATING'""")
                .param("county", countyCode).param("month", Date.valueOf(month.atDay(1)))
                .query(Timestamp.class).optional().orElse(null);
    }

    /**
     * Inserts the items the SELECT yields and adds them to the run's totals (by township, programme
     * and kind) and counts in the same statement: the rows come back from RETURNING, so the run is
     * never scanned again to count it. {@code with} is null or a WITH list the SELECT uses.
     */
    private void insert(String with, String columns, String select, MapSqlParameterSource p) {
        jdbc.sql("with " + (with == null ? "" : with + ",\n") + "ins as (insert into payout_item (" + columns
                + ")\n" + select + "\nreturning township_code, programme, kind, amount, payment_account_id),\n" + """
                t as (
                  select township_code, programme, kind, count(*) as n, sum(amount) as total,
                         count(*) filter (where amount = 0) as zeros,
                         count(*) filter (where payment_account_id is null) as no_account
                  from ins group by township_code, programme, kind
                ),
                saved as (
                  insert into payout_run_total (run_id, township_code, programme, kind, items, amount)
                  select :run, township_code, programme, kind, n, total from t
                  on conflict (run_id, township_code, programme, kind)
                  do update set items = payout_run_total.items + excluded.items,
                                amount = payout_run_total.amount + excluded.amount
                  returning 1
                )
                update payout_run
                set item_count = item_count + (select coalesce(sum(n), 0) from t),
                    total_amount = total_amount + (select coalesce(sum(total), 0) from t),
                    zero_count = zero_count + (select coalesce(sum(zeros), 0) from t),
                    no_account_count = no_account_count + (select coalesce(sum(no_account), 0) from t)
                where id = :run and (select count(*) from saved) >= 0""").paramSource(p).update();
    }

    /**
     * 2. Failed or returned items of earlier runs, paid again where the month is still due; 追回 lines
     * are not re-issued: what is still owed is deducted again by {@link #recoveries}.
     */
    private void reissues(MapSqlParameterSource p) {
        insert(null, ITEM_COLUMNS + ", reissue_of", """
                select :run, i.month, i.benefit_id, i.household_id, i.payee_person_id, pa.id, i.township_code,
                       i.programme, i.kind, i.amount, i.id
                from payout_item i
                join payout_run r on r.id = i.run_id
                left join payment_account pa on pa.person_id = i.payee_person_id and pa.active
                where i.status in ('FAILED', 'RETURNED') and i.kind <> 'RECOVERY'
                  and r.county_code = :county and r.month < :month
                  and not exists (select 1 from payout_item x where x.reissue_of = i.id)
                  and not exists (select 1 from payout_item x where x.benefit_id = i.benefit_id and x.month = i.month
                                  and x.kind = i.kind and x.status in ('ISSUED', 'PAID'))
                  and (i.kind = 'SUPPLEMENT' or exists (
                        select 1 from benefit_version v where v.benefit_id = i.benefit_id and v.status = 'ACTIVE'
                          and v.valid_from <= i.month and (v.valid_to is null or v.valid_to > i.month)))
                order by i.benefit_id""", p);
    }

    /**
     * 3. 补发: months due but not (fully) paid — a month never paid gets its base line, a month paid at
     * a lower amount an ARREARS line (one per month; a second raise of the same month is left to a
     * manual decision, ADR 0013) — and overpaid months (a stop or reduction reaching back), recorded
     * for 追回.
     */
    private void ledger(MapSqlParameterSource p) {
        insert(LEDGER, ITEM_COLUMNS, """
                select :run, l.for_month, l.id, l.household_id, l.payee_person_id, pa.id, left(l.area_code, 9) || '000',
                       l.category, case when not l.has_base then (case when l.one_off then 'ONE_OFF' else 'MONTHLY' end)
                                        else 'ARREARS' end,
                       l.due - l.paid + l.over
                from ledger l
                left join payment_account pa on pa.person_id = l.payee_person_id and pa.active
                where l.due - l.paid + l.over > 0 and not (l.has_base and l.has_arrears)
                order by l.id, l.for_month""", p);
        jdbc.sql("with " + LEDGER + """

                insert into benefit_overpayment (benefit_id, month, amount, run_id)
                select l.id, l.for_month, l.paid - l.over - l.due, :run
                from ledger l where l.due - l.paid + l.over < 0
                on conflict (benefit_id, month) do update set amount = benefit_overpayment.amount + excluded.amount""")
                .paramSource(p).update();
    }

    /** 4. One-off grants of the month (e.g. 春节一次性生活补贴), rounded once by the local rule. */
    private void grants(MapSqlParameterSource p) {
        insert(StandardsInForce.CTE, ITEM_COLUMNS, """
                select :run, :month, b.id, b.household_id, b.payee_person_id, pa.id, left(b.area_code, 9) || '000',
                       b.category, 'SUPPLEMENT',
                       -- one month of the benefit's own standard (ADR 0026): 特困 his 基本生活标准, 低保 and 单人保
                       -- the 低保 standard per person covered
                       round_benefit(case when g.basis <> 'STANDARD_MONTHS' then g.factor * coalesce(b.basis_persons, 1)
                                          when b.category = 'TEKUN' then g.factor * std.tekun_basic
                                          else g.factor * std.dibao_standard * coalesce(b.basis_persons, 1) end,
                                     std.rounding_rule)
                from payout_grant g
                join benefit b on b.area_code like :pattern and not b.one_off
                                  and b.category = any (string_to_array(g.programmes, ','))
                join benefit_version v on v.benefit_id = b.id and v.status = 'ACTIVE'
                     and v.valid_from <= :month and (v.valid_to is null or v.valid_to > :month)
                join household h on h.id = b.household_id
                join std on std.township = left(b.area_code, 9) || '000' and std.std_hukou = h.hukou_type
                left join payment_account pa on pa.person_id = b.payee_person_id and pa.active
                where g.county_code = :county and g.month = :month
                order by b.id""", p);
    }

    /** 5. 追回: what is still owed, deducted from what the benefit is paid in this run (never below 0). */
    private void recoveries(MapSqlParameterSource p) {
        insert(null, ITEM_COLUMNS, """
                select :run, :month, o.benefit_id, b.household_id, b.payee_person_id, pa.id, left(b.area_code, 9) || '000',
                       b.category, 'RECOVERY', -least(o.owed - coalesce(r.taken, 0), pos.amount)
                from (
                  -- owed: overpaid less what was paid back outside the runs (benefit_repayment)
                  select op.benefit_id, op.amount - coalesce(rp.amount, 0) as owed
                  from (select benefit_id, sum(amount) as amount from benefit_overpayment group by benefit_id) op
                  left join (select benefit_id, sum(amount) as amount from benefit_repayment group by benefit_id) rp
                         on rp.benefit_id = op.benefit_id) o
                join benefit b on b.id = o.benefit_id and b.area_code like :pattern
                left join lateral (
                  select -sum(i.amount) as taken from payout_item i
                  where i.benefit_id = o.benefit_id and i.kind = 'RECOVERY' and i.status in ('ISSUED', 'PAID')) r on true
                join (
                  -- what each indebted benefit is paid in this run: one pass over the run's blocks
                  select i.benefit_id, sum(i.amount) as amount from payout_item i
                  where i.run_id = :run and i.benefit_id in (select benefit_id from benefit_overpayment)
                  group by i.benefit_id) pos on pos.benefit_id = o.benefit_id
                left join payment_account pa on pa.person_id = b.payee_person_id and pa.active
                where o.owed - coalesce(r.taken, 0) > 0 and pos.amount > 0""", p);
    }

    private boolean exists(String select, MapSqlParameterSource p) {
        return Boolean.TRUE.equals(jdbc.sql("select exists (" + select + ")").paramSource(p).query(Boolean.class).single());
    }

    private static long lap(long[] ms, int step, long since) {
        long now = System.nanoTime();
        ms[step] = (now - since) / 1_000_000;
        return now;
    }

    /**
     * Monthly lines of this run that moved by more than the set percentage against the benefit's
     * monthly line of the previous month; only benefits changed since the previous run can have moved.
     */
    static final String CHANGES = """
            select i.id, b.id as benefit_id, i.household_id, i.payee_person_id, i.township_code, i.programme,
                   i.amount, p.amount as previous
            -- materialized: right after the run's insert the planner knows nothing of its million rows and
            -- would walk them all; the few changed benefits must drive the look-ups
            from (select id from benefit where area_code like :pattern and changed_at >= :since offset 0) b
            -- per changed benefit, two look-ups by the (month, kind, benefit) key: never a pass over the run
            -- (the month's live MONTHLY line can only be this run's)
            cross join lateral (
              select i.id, i.household_id, i.payee_person_id, i.township_code, i.programme, i.amount
              from payout_item i
              where i.month = :month and i.kind = 'MONTHLY' and i.benefit_id = b.id
                and i.status in ('ISSUED', 'PAID')
              limit 1) i
            cross join lateral (
              select p.amount from payout_item p
              where p.month = :prevMonth and p.kind = 'MONTHLY' and p.benefit_id = b.id
                and p.status in ('ISSUED', 'PAID')
              limit 1) p
            where abs(i.amount - p.amount) * 100 > p.amount * :pct""";

    BigDecimal changeAlertPct() {
        return changeAlertPct;
    }
}
