package cn.dibao.payout;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/**
 * Matches a parsed return file against the run's bank lines in the database, set-based: the lines go
 * into a temporary table (batched), one query finds every line that does not answer an open bank line
 * of this run with the same account and amount, one update applies them all. Runs inside the
 * caller's transaction (the temporary table is dropped at commit).
 */
@Component
class ReturnMatching {

    private static final int MAX_ERRORS = 1000;

    private final JdbcClient jdbc;
    /** JdbcTemplate only for COPY through the driver's CopyManager on the transaction's connection: JdbcClient has no connection callback. */
    private final JdbcTemplate copy;

    ReturnMatching(JdbcClient jdbc, JdbcTemplate copy) {
        this.jdbc = jdbc;
        this.copy = copy;
    }

    List<ReturnFileError> check(long runId, List<ReturnLine> lines) {
        jdbc.sql("""
                create temp table if not exists return_line (line_no int, ref_run bigint, benefit_id bigint,
                    account varchar(40), amount numeric(14, 2), status varchar(10), reason varchar(200))
                on commit drop""").update();
        jdbc.sql("truncate return_line").update();
        // COPY, not row inserts: a return file answers up to a million lines
        copy.execute((ConnectionCallback<Long>) con -> {
            try {
                return con.unwrap(org.postgresql.PGConnection.class).getCopyAPI()
                        .copyIn("copy return_line from stdin (format csv)", new LinesReader(lines));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        jdbc.sql("analyze return_line").update();
        return jdbc.sql("""
                with bank as (
                  select i.benefit_id, sum(i.amount) as amount, min(pa.account_no) as account,
                         bool_and(i.status = 'ISSUED') as open
                  from payout_item i join payment_account pa on pa.id = i.payment_account_id
                  where i.run_id = :run and i.benefit_id in (select benefit_id from return_line)
                    and (i.status = 'ISSUED' or i.import_id is not null)
                  group by i.benefit_id
                )
                select l.line_no, l.ref_run, l.benefit_id, l.account, l.amount, b.amount as expected,
                       b.account as expected_account,
                       case when l.ref_run <> :run then 'RUN'
                            when b.benefit_id is null or b.amount <= 0 then 'UNKNOWN'
                            when not b.open then 'ANSWERED'
                            when l.account <> b.account then 'ACCOUNT'
                            when l.amount <> b.amount then 'AMOUNT' end as problem
                from return_line l left join bank b on b.benefit_id = l.benefit_id
                where l.ref_run <> :run or b.benefit_id is null or b.amount <= 0 or not b.open
                   or l.account <> b.account or l.amount <> b.amount
                order by l.line_no limit :limit""").param("run", runId).param("limit", MAX_ERRORS).query((rs, i) -> {
            int line = rs.getInt("line_no");
            String ref = "P" + rs.getLong("ref_run") + "-" + rs.getLong("benefit_id");
            String message = switch (rs.getString("problem")) {
                case "RUN" -> "参考号“" + ref + "”属于其他发放批次，不是本批次（P" + runId + "-…）";
                case "UNKNOWN" -> "参考号“" + ref + "”不在本批次的银行发放文件中";
                case "ANSWERED" -> "参考号“" + ref + "”已有回盘结果，不能重复回盘";
                case "ACCOUNT" -> "参考号“" + ref + "”的账号与发放文件不符（应为 "
                        + AccountNumbers.mask(rs.getString("expected_account")) + "）";
                default -> "参考号“" + ref + "”的金额 " + rs.getBigDecimal("amount").toPlainString()
                        + " 与发放金额 " + rs.getBigDecimal("expected").toPlainString() + " 不符";
            };
            return new ReturnFileError(line, "第 " + line + " 行：" + message);
        }).list();
    }

    /** Sets the items of every matched line (checked by {@link #check} in this transaction). */
    void apply(long runId, long importId, Instant at) {
        jdbc.sql("""
                update payout_item i
                set status = l.status, fail_reason = case when l.status = 'PAID' then null else l.reason end,
                    answered_at = :at, import_id = :import
                from return_line l
                where i.run_id = :run and i.benefit_id = l.benefit_id and i.status = 'ISSUED'
                  and i.payment_account_id is not null""").param("at", Timestamp.from(at)).param("import", importId)
                .param("run", runId).update();
    }

    /** The parsed lines as CSV rows for COPY, produced as COPY reads them (no whole-file string). */
    private static final class LinesReader extends java.io.Reader {
        private final List<ReturnLine> lines;
        private int next;
        private String pending = "";
        private int pos;

        LinesReader(List<ReturnLine> lines) {
            this.lines = lines;
        }

        @Override
        public int read(char[] buf, int off, int len) {
            if (pos == pending.length()) {
                if (next == lines.size()) {
                    return -1;
                }
                ReturnLine l = lines.get(next++);
                pending = l.lineNo() + "," + l.runId() + "," + l.refNumber() + "," + quote(l.account()) + ","
                        + l.amount().toPlainString() + "," + l.status().name() + "," + quote(l.reason()) + "\n";
                pos = 0;
            }
            int n = Math.min(len, pending.length() - pos);
            pending.getChars(pos, pos + n, buf, off);
            pos += n;
            return n;
        }

        private static String quote(String v) {
            return v == null || v.isEmpty() ? "" : '"' + v.replace("\"", "\"\"") + '"';
        }

        @Override
        public void close() {
        }
    }

    /** Errors carry their line in the message already (第 N 行：…), as the parser writes them. */
    static String text(ReturnFileError e) {
        return e.message();
    }
}
