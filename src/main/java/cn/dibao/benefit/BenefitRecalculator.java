package cn.dibao.benefit;

import cn.dibao.audit.AuditTrail;
import cn.dibao.standard.StandardsInForce;
import cn.dibao.common.security.CurrentStaff;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.sql.Date;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;

/**
 * When a new standard takes effect in month M, every affected benefit of the county is recalculated
 * from M in one set-based statement (issue 6, ADR 0013), with a new version — the change line — per
 * benefit whose amount moves:
 * <ul>
 * <li>低保: {@code round(standard × counted members − counted net income + 分类施保)} by the new standard's
 * rounding rule and minimum, from the basis kept at approval; 分类施保 from the 分类施保 groups of the
 * covered persons kept at approval and the new standard's settings (a PERCENT top-up follows the
 * standard, once per person or stacked), or as approved where no groups were kept;</li>
 * <li>单人保 on the SHARE basis: {@code round(standard × share% × persons + 分类施保)} likewise (without
 * kept groups: {@code round(standard × share% × persons) + 分类施保 as approved});</li>
 * <li>特困: the new 基本生活标准 plus the new 照料护理 amount of the person's tier.</li>
 * </ul>
 * Benefits without a basis (approved before bases were kept, or 单人保 on the TOP_UP basis), and 低保
 * households whose counted income would reach the new standard, are counted as skipped: a reviewer
 * adjusts them by hand with a reasoned decision. Versions that start after M (a 渐退期 schedule)
 * are kept: the new version ends where they start.
 */
@Service
public class BenefitRecalculator {

    private static final RowMapper<Recalculation> ROW = (rs, i) -> new Recalculation(rs.getLong("id"),
            rs.getString("county_code"), BenefitService.month(rs.getDate("month")), rs.getInt("examined"),
            rs.getInt("changed"), rs.getInt("skipped"), rs.getBigDecimal("amount_before"),
            rs.getBigDecimal("amount_after"), rs.getString("created_by"), rs.getTimestamp("created_at").toInstant());

    /**
     * Per benefit in force in M (not one-off, active): the standard in force in M for its township and
     * hukou type (resolved once per pair, like the simulator), and the new amounts.
     */
    private static final String CALC = "with " + StandardsInForce.CTE + """
            ,
            cur as (
              select v.*, b.category, b.basis_persons as n, b.basis_net_income as net, b.care_tier,
                     b.basis_topup_groups as topup_groups,
                     std.id as new_standard, std.dibao_standard, std.rounding_rule, std.min_benefit, std.tekun_basic,
                     std.single_basis, std.single_share_pct, std.topup_stacking,
                     std.topup_elderly_mode, std.topup_elderly_value, std.topup_minor_mode, std.topup_minor_value,
                     std.topup_disability_mode, std.topup_disability_value, std.topup_illness_mode,
                     std.topup_illness_value,
                     case b.care_tier when 'HOME_SELF' then std.tekun_care_home_self
                                      when 'HOME_PARTIAL' then std.tekun_care_home_partial
                                      when 'HOME_FULL' then std.tekun_care_home_full
                                      when 'INST_SELF' then std.tekun_care_inst_self
                                      when 'INST_PARTIAL' then std.tekun_care_inst_partial
                                      when 'INST_FULL' then std.tekun_care_inst_full end as care_new
              from benefit_version v
              join benefit b on b.id = v.benefit_id
              join household h on h.id = b.household_id
              join std on std.township = left(b.area_code, 9) || '000' and std.std_hukou = h.hukou_type
              where b.area_code like :pattern and not b.one_off and v.status = 'ACTIVE'
                and v.valid_from <= :month and (v.valid_to is null or v.valid_to > :month)
                and v.change_kind <> 'GRADUAL_EXIT'
                and b.category in ('DIBAO', 'DIBAO_SINGLE', 'TEKUN')
            ),
            calc as (
              select cur.*, x.new_gap, round(t.exact, 2) as new_topup, x.new_basic, x.new_care,
                     x.new_gap + round(t.exact, 2) + x.new_basic + x.new_care as new_total
              from cur
              -- 分类施保 by the new standard's settings for the groups kept at approval, exact (rounded once
              -- with the whole amount, as the engine does); the approved amount where none were kept
              cross join lateral (
                select case when cur.topup_groups is null then cur.amount_topup
                            else coalesce((select sum(case when cur.topup_stacking = 'STACK' then e + y + d + i
                                                           else greatest(e, y, d, i) end)
                                           from unnest(cur.topup_groups) g
                                           cross join lateral (select
                                             case when g & 1 = 0 then 0 when cur.topup_elderly_mode = 'PERCENT'
                                                  then cur.dibao_standard * cur.topup_elderly_value / 100
                                                  else cur.topup_elderly_value end as e,
                                             case when g & 2 = 0 then 0 when cur.topup_minor_mode = 'PERCENT'
                                                  then cur.dibao_standard * cur.topup_minor_value / 100
                                                  else cur.topup_minor_value end as y,
                                             case when g & 4 = 0 then 0 when cur.topup_disability_mode = 'PERCENT'
                                                  then cur.dibao_standard * cur.topup_disability_value / 100
                                                  else cur.topup_disability_value end as d,
                                             case when g & 8 = 0 then 0 when cur.topup_illness_mode = 'PERCENT'
                                                  then cur.dibao_standard * cur.topup_illness_value / 100
                                                  else cur.topup_illness_value end as i) r), 0)
                       end as exact) t
              cross join lateral (
                select case
                         when cur.category = 'DIBAO' and cur.n is not null and cur.net is not null
                              and cur.dibao_standard * cur.n > cur.net
                           then greatest(round_benefit(cur.dibao_standard * cur.n - cur.net + t.exact,
                                                       cur.rounding_rule), cur.min_benefit) - round(t.exact, 2)
                         when cur.category = 'DIBAO_SINGLE' and cur.n is not null and cur.single_basis = 'SHARE'
                              and cur.topup_groups is not null
                           then round_benefit(cur.dibao_standard * cur.single_share_pct / 100 * cur.n + t.exact,
                                              cur.rounding_rule) - round(t.exact, 2)
                         when cur.category = 'DIBAO_SINGLE' and cur.n is not null and cur.single_basis = 'SHARE'
                           then round_benefit(cur.dibao_standard * cur.single_share_pct / 100 * cur.n, cur.rounding_rule)
                         when cur.category = 'TEKUN' then cur.amount_gap
                       end as new_gap,
                       case when cur.category = 'TEKUN' and cur.amount_basic > 0 then cur.tekun_basic
                            else cur.amount_basic end as new_basic,
                       case when cur.category = 'TEKUN' and cur.care_tier is not null then cur.care_new
                            else cur.amount_care end as new_care) x
              where x.new_gap is not null
                and not (cur.category = 'TEKUN' and cur.amount_care > 0 and cur.care_tier is null)
            )
            """;

    private final JdbcClient jdbc;
    private final AuditTrail audit;

    BenefitRecalculator(JdbcClient jdbc, AuditTrail audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Whether a standard of the county (or one of its townships) takes effect in the month. */
    @Transactional(readOnly = true)
    public boolean newStandardIn(String countyCode, YearMonth month) {
        return jdbc.sql("select exists (select 1 from subsidy_standard where area_code like :pattern and effective_from = :m)")
                .param("pattern", countyCode.substring(0, 6) + "%").param("m", Date.valueOf(month.atDay(1)))
                .query(Boolean.class).single();
    }

    @Transactional(readOnly = true)
    public Optional<Recalculation> find(String countyCode, YearMonth month) {
        return jdbc.sql("select * from benefit_recalculation where county_code = :c and month = :m")
                .param("c", countyCode).param("m", Date.valueOf(month.atDay(1))).query(ROW).optional();
    }

    @Transactional(readOnly = true)
    public List<Recalculation> list(String countyCode) {
        return jdbc.sql("select * from benefit_recalculation where county_code = :c and county_code like :scope order by month desc")
                .param("c", countyCode).param("scope", CurrentStaff.scope().likePattern()).query(ROW).list();
    }

    /**
     * Recalculates the county's benefits for the standards in force in {@code month}, once per county
     * and month (a second call returns the first result). The caller checks who may do this; the payout
     * run calls it inside its own transaction before generating the month.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public Recalculation recalculate(String countyCode, YearMonth month, String by) {
        Optional<Recalculation> done = find(countyCode, month);
        if (done.isPresent()) {
            return done.get();
        }
        Date first = Date.valueOf(month.atDay(1));
        String pattern = countyCode.substring(0, 6) + "%";
        long id = jdbc.sql("""
                        insert into benefit_recalculation (county_code, month, examined, changed, skipped, amount_before,
                            amount_after, created_by) values (:c, :m, 0, 0, 0, 0, 0, :by) returning id""")
                .param("c", countyCode).param("m", first).param("by", by).query(Long.class).single();
        // one statement: end (or cancel) each changed version at M, add its successor, mark the benefit
        jdbc.sql(CALC + """
                , changed as materialized (
                  select * from calc where new_total <> monthly_amount
                ),
                ended as (
                  update benefit_version v
                  set valid_to = case when v.valid_from < :month then cast(:month as date) else v.valid_from end
                  from changed c where v.id = c.id
                  returning v.id
                ),
                added as (
                  insert into benefit_version (benefit_id, valid_from, valid_to, change_kind, status, amount_gap,
                      amount_topup, amount_basic, amount_care, monthly_amount, reason_code, reason, standard_id,
                      recalculation_id, created_by)
                  select c.benefit_id, cast(:month as date), c.valid_to, 'RECALCULATION', 'ACTIVE', c.new_gap,
                         c.new_topup, c.new_basic, c.new_care, c.new_total, 'STANDARD',
                         '按新标准调整（' || to_char(cast(:month as date), 'YYYY-MM') || ' 起）', c.new_standard, :rid, :by
                  from changed c
                  returning benefit_id
                ),
                touched as (
                  update benefit b set changed_at = now() from changed c where b.id = c.benefit_id returning b.id
                )
                update benefit_recalculation r
                set examined = (select count(*) from cur),
                    changed = (select count(*) from changed),
                    skipped = (select count(*) from cur) - (select count(*) from calc),
                    amount_before = (select coalesce(sum(monthly_amount), 0) from cur),
                    amount_after = (select coalesce(sum(monthly_amount), 0) from cur)
                                   + (select coalesce(sum(new_total - monthly_amount), 0) from changed),
                    created_at = now()
                where r.id = :rid
                  and (select count(*) from ended) = (select count(*) from added)
                  and (select count(*) from touched) >= 0""")
                .param("pattern", pattern).param("month", first).param("rid", id).param("by", by).update();
        Recalculation r = find(countyCode, month).orElseThrow();
        audit.record("BENEFIT_RECALCULATION", "benefit_recalculation", id, countyCode,
                month + " examined=" + r.examined() + " changed=" + r.changed() + " skipped=" + r.skipped()
                        + " before=" + r.amountBefore().toPlainString() + " after=" + r.amountAfter().toPlainString());
        return r;
    }
}
