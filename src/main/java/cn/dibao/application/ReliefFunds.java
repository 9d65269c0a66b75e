package cn.dibao.application;

import cn.dibao.common.error.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Township stand-by funds (备用金) for 先行救助. A grant takes money with one conditional
 * update, so two grants at once can never overdraw the fund; each movement is a ledger line.
 */
@Service
@Transactional
public class ReliefFunds {

    private final JdbcClient jdbc;
    private final cn.dibao.audit.AuditTrail audit;

    ReliefFunds(JdbcClient jdbc, cn.dibao.audit.AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    public record Fund(String townshipCode, String townshipName, BigDecimal balance) {
    }

    public record Entry(String kind, BigDecimal amount, BigDecimal balanceAfter, Long applicationId, String note,
                        Instant at, String by) {
    }

    @Transactional(readOnly = true)
    public List<Fund> funds(String scopePattern) {
        return jdbc.sql("""
                select f.township_code, a.name, f.balance from relief_fund f join area a on a.code = f.township_code
                where f.township_code like :scope order by f.township_code""").param("scope", scopePattern)
                .query((rs, i) -> new Fund(rs.getString(1), rs.getString(2), rs.getBigDecimal(3))).list();
    }

    @Transactional(readOnly = true)
    public Optional<BigDecimal> balance(String townshipCode) {
        return jdbc.sql("select balance from relief_fund where township_code = :t").param("t", townshipCode)
                .query(BigDecimal.class).optional();
    }

    @Transactional(readOnly = true)
    public List<Entry> entries(String townshipCode) {
        return jdbc.sql("""
                select kind, amount, balance_after, application_id, note, at, by_user from relief_fund_entry
                where township_code = :t order by id desc limit 100""").param("t", townshipCode)
                .query((rs, i) -> new Entry(rs.getString(1), rs.getBigDecimal(2), rs.getBigDecimal(3),
                        (Long) rs.getObject(4, Long.class), rs.getString(5), rs.getTimestamp(6).toInstant(),
                        rs.getString(7))).list();
    }

    /** Adds money to a township's fund (creating it on first use). */
    public BigDecimal topUp(String townshipCode, BigDecimal amount, String note, String by) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new DomainException("amount", "fund.amount.invalid");
        }
        BigDecimal balance = jdbc.sql("""
                insert into relief_fund (township_code, balance, updated_by) values (:t, :amount, :by)
                on conflict (township_code) do update set balance = relief_fund.balance + excluded.balance,
                    version = relief_fund.version + 1, updated_at = now(), updated_by = excluded.updated_by
                returning balance""").param("t", townshipCode).param("amount", amount).param("by", by)
                .query(BigDecimal.class).single();
        jdbc.sql("""
                insert into relief_fund_entry (township_code, kind, amount, balance_after, note, by_user)
                values (:t, 'TOP_UP', :amount, :balance, :note, :by)""").param("t", townshipCode)
                .param("amount", amount).param("balance", balance).param("note", note).param("by", by).update();
        audit.record("RELIEF_FUND_TOP_UP", "relief_fund", townshipCode, townshipCode,
                amount.toPlainString() + " 元，余额 " + balance.toPlainString() + " 元：" + note);
        return balance;
    }

    /** Takes a grant from the fund; refused when the balance is short. */
    BigDecimal grant(String townshipCode, long applicationId, BigDecimal amount, String note, String by) {
        if (amount == null || amount.signum() <= 0 || amount.scale() > 2) {
            throw new DomainException("amount", "fund.amount.invalid");
        }
        Optional<BigDecimal> after = jdbc.sql("""
                update relief_fund set balance = balance - :amount, version = version + 1, updated_at = now(),
                    updated_by = :by
                where township_code = :t and balance >= :amount returning balance""").param("t", townshipCode)
                .param("amount", amount).param("by", by).query(BigDecimal.class).optional();
        BigDecimal balance = after.orElseThrow(() -> new DomainException("amount", "fund.balance.short",
                balance(townshipCode).orElse(BigDecimal.ZERO).toPlainString()));
        jdbc.sql("""
                insert into relief_fund_entry (township_code, application_id, kind, amount, balance_after, note, by_user)
                values (:t, :app, 'GRANT', :amount, :balance, :note, :by)""").param("t", townshipCode)
                .param("app", applicationId).param("amount", amount).param("balance", balance).param("note", note)
                .param("by", by).update();
        return balance;
    }
}
