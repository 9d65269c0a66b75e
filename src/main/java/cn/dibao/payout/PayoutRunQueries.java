package cn.dibao.payout;

import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The read queries of {@link PayoutRunService}: runs, grants, totals, exceptions, items, return
 * files and the bank file's lines. Named parameters, rows mapped by column name; a {@code scope}
 * argument is the user's area pattern ({@code 370211%}), part of every query a request reaches.
 */
@Component
class PayoutRunQueries {

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

    /** Bank lines read per round trip: the cursor's fetch size. */
    static final int FETCH_SIZE = 2000;

    /** One bank line per benefit with a positive net and an account, items still unanswered. */
    static final String BANK_LINES = """
            select i.benefit_id, sum(i.amount) as amount, min(i.programme) as programme,
                   min(i.township_code) as township_code, pa.holder_name, pa.holder_id_number, pa.bank_name,
                   pa.account_no, pa.custody
            from payout_item i join payment_account pa on pa.id = i.payment_account_id
            where i.run_id = :run and i.status = 'ISSUED'
            group by i.benefit_id, pa.id
            having sum(i.amount) > 0""";

    private final JdbcClient jdbc;

    PayoutRunQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- runs -----------------------------------------------------------------------------------

    Optional<PayoutRun> run(long runId, String scope) {
        return jdbc.sql("select " + RUN_COLUMNS + " from payout_run where id = :run and county_code like :scope")
                .param("run", runId).param("scope", scope).query(RUN).optional();
    }

    /** The run, its row locked for update, in the scope. */
    Optional<PayoutRun> lock(long runId, String scope) {
        return jdbc.sql("select " + RUN_COLUMNS + " from payout_run where id = :run and county_code like :scope for update")
                .param("run", runId).param("scope", scope).query(RUN).optional();
    }

    /** The run whatever the scope (after a write of the caller's, who has checked it). */
    PayoutRun load(long runId) {
        return jdbc.sql("select " + RUN_COLUMNS + " from payout_run where id = :run").param("run", runId)
                .query(RUN).single();
    }

    Optional<PayoutRun> find(String countyCode, YearMonth month, String scope) {
        return jdbc.sql("select " + RUN_COLUMNS + " from payout_run where county_code = :county and month = :month "
                        + "and county_code like :scope")
                .param("county", countyCode).param("month", month.atDay(1)).param("scope", scope)
                .query(RUN).optional();
    }

    List<PayoutRun> list(String scope, int limit) {
        return jdbc.sql("select " + RUN_COLUMNS + " from payout_run where county_code like :scope "
                        + "order by month desc, county_code limit :limit")
                .param("scope", scope).param("limit", limit).query(RUN).list();
    }

    boolean countyExists(String countyCode) {
        return Boolean.TRUE.equals(jdbc.sql("select exists (select 1 from area where code = :code and level = 'COUNTY')")
                .param("code", countyCode).query(Boolean.class).single());
    }

    // ---- grants ---------------------------------------------------------------------------------

    List<PayoutGrant> grants(String countyCode, String scope) {
        return jdbc.sql("""
                        select id, county_code, month, name, programmes, basis, factor, created_by from payout_grant
                        where county_code = :county and county_code like :scope order by month desc""")
                .param("county", countyCode).param("scope", scope)
                .query((rs, i) -> new PayoutGrant(rs.getLong("id"), rs.getString("county_code"),
                        YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getString("name"),
                        Arrays.asList(rs.getString("programmes").split(",")), rs.getString("basis"),
                        rs.getBigDecimal("factor"), rs.getString("created_by")))
                .list();
    }

    // ---- review ---------------------------------------------------------------------------------

    List<PayoutTotal> totals(long runId) {
        return jdbc.sql("""
                        select t.township_code, a.name as township_name, t.programme, t.kind, t.items, t.amount
                        from payout_run_total t left join area a on a.code = t.township_code
                        where t.run_id = :run
                        order by t.township_code, t.programme, t.kind""")
                .param("run", runId)
                .query((rs, n) -> new PayoutTotal(rs.getString("township_code"), rs.getString("township_name"),
                        rs.getString("programme"), rs.getString("kind"), rs.getInt("items"), rs.getBigDecimal("amount")))
                .list();
    }

    /** Items with a zero amount or without a payment account, at most {@code limit}. */
    List<PayoutIssue> zeroOrNoAccount(long runId, int limit) {
        return jdbc.sql("""
                        select id, benefit_id, household_id, payee_person_id, township_code, programme, amount, reason from (
                          select i.*, 'ZERO_AMOUNT' as reason from payout_item i where i.run_id = :run and i.amount = 0
                          union all
                          select i.*, 'NO_ACCOUNT' from payout_item i where i.run_id = :run and i.payment_account_id is null
                        ) x order by township_code, id, reason limit :limit""")
                .param("run", runId).param("limit", limit)
                .query((rs, n) -> new PayoutIssue(rs.getLong("id"), rs.getLong("benefit_id"), rs.getLong("household_id"),
                        rs.getLong("payee_person_id"), rs.getString("township_code"), rs.getString("programme"),
                        rs.getBigDecimal("amount"), PayoutIssue.Reason.valueOf(rs.getString("reason")), null))
                .list();
    }

    /** Monthly lines that moved by more than {@code pct} against the previous month (see {@link PayoutGeneration#CHANGES}). */
    List<PayoutIssue> changes(PayoutRun run, Timestamp since, BigDecimal pct, int limit) {
        return jdbc.sql("select * from (" + PayoutGeneration.CHANGES + ") c order by township_code, id limit :limit")
                .param("run", run.id()).param("since", since)
                .param("month", Date.valueOf(run.month().atDay(1)))
                .param("prevMonth", Date.valueOf(run.month().minusMonths(1).atDay(1)))
                .param("county", run.countyCode()).param("pattern", run.countyCode().substring(0, 6) + "%")
                .param("pct", pct).param("limit", limit)
                .query((rs, n) -> new PayoutIssue(rs.getLong("id"), rs.getLong("benefit_id"), rs.getLong("household_id"),
                        rs.getLong("payee_person_id"), rs.getString("township_code"), rs.getString("programme"),
                        rs.getBigDecimal("amount"), PayoutIssue.Reason.CHANGE, rs.getBigDecimal("previous")))
                .list();
    }

    /** A page of a run's items matching the query (payee names shown, account numbers masked). */
    List<PayoutItem> items(long runId, PayoutItemQuery q, int offset, int limit) {
        StringBuilder where = new StringBuilder("i.run_id = :run");
        Map<String, Object> params = new HashMap<>();
        params.put("run", runId);
        if (q.townshipCode() != null && !q.townshipCode().isBlank()) {
            where.append(" and i.township_code = :township");
            params.put("township", q.townshipCode());
        }
        if (q.programme() != null && !q.programme().isBlank()) {
            where.append(" and i.programme = :programme");
            params.put("programme", q.programme());
        }
        if (q.kind() != null && !q.kind().isBlank()) {
            where.append(" and i.kind = :kind");
            params.put("kind", q.kind());
        }
        if (q.status() != null && !q.status().isBlank()) {
            where.append(" and i.status = :status");
            params.put("status", q.status());
        }
        String text = q.text() == null ? "" : q.text().strip();
        if (!text.isEmpty()) {
            if (text.matches("[0-9]{1,18}")) {
                where.append(" and (i.household_id = :number or i.benefit_id = :number)");
                params.put("number", Long.parseLong(text));
            } else {
                where.append(" and p.name like :name");
                params.put("name", text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            }
        }
        params.put("limit", limit);
        params.put("offset", offset);
        return jdbc.sql("""
                        select i.id, i.run_id, i.month, i.kind, i.benefit_id, i.household_id, i.payee_person_id,
                               p.name as payee_name, i.township_code, i.programme, i.amount, i.status, i.fail_reason,
                               i.reissue_of, pa.account_no, i.hand_note, i.answered_at
                        from payout_item i
                        join person p on p.id = i.payee_person_id
                        left join payment_account pa on pa.id = i.payment_account_id
                        where\s""" + where + " order by i.township_code, i.benefit_id, i.month, i.kind limit :limit offset :offset")
                .params(params)
                .query((rs, n) -> new PayoutItem(rs.getLong("id"), rs.getLong("run_id"),
                        YearMonth.from(rs.getObject("month", LocalDate.class)), rs.getString("kind"),
                        rs.getLong("benefit_id"), rs.getLong("household_id"), rs.getLong("payee_person_id"),
                        rs.getString("payee_name"), rs.getString("township_code"), rs.getString("programme"),
                        rs.getBigDecimal("amount"), rs.getString("status"), rs.getString("fail_reason"),
                        rs.getObject("reissue_of", Long.class), AccountNumbers.mask(rs.getString("account_no")),
                        rs.getString("hand_note"), instant(rs.getTimestamp("answered_at"))))
                .list();
    }

    /** The run an item belongs to. */
    Optional<Long> runOfItem(long itemId) {
        return jdbc.sql("select run_id from payout_item where id = :item").param("item", itemId)
                .query(Long.class).optional();
    }

    // ---- bank file and returns ------------------------------------------------------------------

    /**
     * Hands each bank line of the run to {@code line}, in township and benefit order, streamed: a
     * forward-only result set with a fetch size, which the PostgreSQL driver reads with a cursor
     * inside a transaction, so a million lines take no more memory than {@value #FETCH_SIZE}.
     */
    void eachBankLine(long runId, RowCallbackHandler line) {
        jdbc.sql(BANK_LINES + "\norder by min(i.township_code), i.benefit_id").withFetchSize(FETCH_SIZE)
                .param("run", runId).query(line);
    }

    /** The bank lines of the run not answered yet. */
    int openBankLines(long runId) {
        return jdbc.sql("select count(*) from (" + BANK_LINES + ") x").param("run", runId).query(Integer.class).single();
    }

    /** The return files taken for a run, newest first. */
    List<ReturnImportResult> imports(long runId) {
        return jdbc.sql("""
                        select id, applied, encoding, lines, paid, failed, errors from payout_return_import
                        where run_id = :run order by id desc""")
                .param("run", runId)
                .query((rs, i) -> new ReturnImportResult(rs.getLong("id"), rs.getBoolean("applied"),
                        rs.getString("encoding"), rs.getInt("lines"), rs.getInt("paid"), rs.getInt("failed"), 0,
                        rs.getString("errors") == null ? List.of() : rs.getString("errors").lines()
                                .map(t -> new ReturnFileError(0, t)).toList()))
                .list();
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
