package cn.dibao.eligibility;

import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.YearMonth;
import java.util.List;

/**
 * Keeps {@code household_month_fact} current (ADR 0010): per household and month, the counted
 * members by 分类施保 group (by the national ages; with birth dates for other ages), counted income (with
 * the 赡养费 obligors pay), deductions and property — everything the 低保 rules need besides the amounts
 * of a standard version. The income follows the version in force for the household (ADR 0020): averaged over
 * its 收入计算期, with its 低保 exclusions (ADR 0021); a trigger drops the sets a version change touches. A (county, month) set is built once with one
 * {@code INSERT … SELECT}; later calls recompute only the households that triggers marked dirty
 * since, for every built set. Maintenance is serialised per county (one advisory lock per county, issue 13:
 * a 1M county's cold build must not hold every other county's simulations); a county keeps its
 * {@value #KEPT_SETS} most recently used sets, older ones are dropped when a new one is built.
 */
@Component
class HouseholdMonthFacts {

    /** The national 分类施保 ages c1..c15 count by: elderly from 60, minor under 18 (V25 defaults). */
    static final int ELDERLY_AGE = 60, MINOR_AGE = 18;

    /** Sets a county keeps (a simulation usually compares the months of one or two coming standards). */
    static final int KEPT_SETS = 4;

    /** First key of the advisory lock per county ("HMF1"); the second is the county code's hash. */
    static final int LOCK_CLASS = 0x484D4631;

    private static final String FACTS = """
            insert into household_month_fact (month, household_id, county_code, township_code, hukou_type, n,
                c1, c2, c3, c4, c5, c6, c7, c8, c9, c10, c11, c12, c13, c14, c15, births, groups, gross, wages,
                d_emp, d_med, d_edu, d_reh, d_rent, d_si, d_sup, money, vehicles, vehicle_value, homes, floor_area, capital,
                other_value, non_residential, latest_home)
            with hh0 as materialized (
              select h.id, h.hukou_type, left(h.area_code, 6) || '000000' as county,
                     left(h.area_code, 9) || '000' as township
              from household h
              where h.status = 'ACTIVE' and %s
            ),
            pv as materialized (
              -- the version in force per township and hukou type (as StandardsInForce and the simulator resolve
              -- it): its 收入计算期 and 低保 exclusions decide the income (ADR 0020, 0021)
              select p.township, p.hukou_type, s.id as standard_id, s.income_reference_months as k
              from (select distinct township, county, hukou_type from hh0) p
              left join lateral (
                select s.id, s.income_reference_months from subsidy_standard s
                where s.area_code in (p.township, p.county)
                  and (s.hukou_type is null or s.hukou_type = p.hukou_type)
                  and s.effective_from <= :first
                order by s.effective_from desc, (s.area_code = p.township) desc, (s.hukou_type is not null) desc
                limit 1) s on true
            ),
            hh as materialized (
              select hh0.*, pv.standard_id, coalesce(pv.k, 6) as k
              from hh0 join pv on pv.township = hh0.township and pv.hukou_type = hh0.hukou_type
            ),
            cur as materialized (
              -- counted members living together on the month's last day (ADR 0022, as SnapshotFactory); a person
              -- serving a sentence, in 戒毒, declared missing or clergy apart only with an override (ADR 0016)
              select m.household_id, m.person_id, hh.k, hh.standard_id
              from household_member m join hh on hh.id = m.household_id join person fp on fp.id = m.person_id
              where m.counted and m.joined_on <= :last and (m.left_on is null or m.left_on > :last)
                and (m.count_override_reason is not null
                     or not (fp.serving_sentence or fp.compulsory_rehab or fp.declared_missing or fp.clergy_apart))
            ),
            mf as (
              select household_id, count(*) as n,
                     count(*) filter (where mask = 1) as c1, count(*) filter (where mask = 2) as c2,
                     count(*) filter (where mask = 3) as c3, count(*) filter (where mask = 4) as c4,
                     count(*) filter (where mask = 5) as c5, count(*) filter (where mask = 6) as c6,
                     count(*) filter (where mask = 7) as c7, count(*) filter (where mask = 8) as c8,
                     count(*) filter (where mask = 9) as c9, count(*) filter (where mask = 10) as c10,
                     count(*) filter (where mask = 11) as c11, count(*) filter (where mask = 12) as c12,
                     count(*) filter (where mask = 13) as c13, count(*) filter (where mask = 14) as c14,
                     count(*) filter (where mask = 15) as c15,
                     -- for a version with other ages than the national ones: each member's birth date and
                     -- disability / illness bits, in one order
                     array_agg(birth_date order by person_id) as births, array_agg(bits order by person_id) as groups
              from (
                select cur.household_id, cur.person_id, p.birth_date,
                       case when p.birth_date <= :elderlyBorn then 1 else 0 end
                     + case when p.birth_date > :minorBorn then 2 else 0 end + bits as mask, bits
                from cur join person p on p.id = cur.person_id
                cross join lateral (select cast(
                       case when coalesce(p.disability_grade <= 2 or (p.disability_grade = 3 and p.disability_category in (5, 6)), false) then 4 else 0 end
                     + case when p.serious_illness then 8 else 0 end as smallint) as bits) b
              ) x
              group by household_id
            ),
            income as (
              -- each item's average over the k months ending with the month, in micro-yuan rounded down once
              -- per item (the engine's arithmetic); an item of an exclusion category counts unless the version
              -- leaves the category out of 低保 income in the month
              select i.household_id, i.person_id, i.category,
                     cast(i.monthly_amount * 1000000 as bigint)
                       * (least(coalesce(extract(year from i.period_to) * 12 + extract(month from i.period_to), :m), :m)
                          - greatest(extract(year from i.period_from) * 12 + extract(month from i.period_from), :m - cur.k + 1)
                          + 1)::bigint / cur.k as amount
              from income_item i
              join cur on cur.household_id = i.household_id and cur.person_id = i.person_id
              where i.period_from <= :last
                and (i.period_to is null or i.period_to >= cast(:first as date) - make_interval(months => cur.k - 1))
                and (i.exclusion_reason is null or exists (
                  select 1 from standard_income_exclusion x
                  where x.standard_id = cur.standard_id and x.category = i.exclusion_reason
                    and not (x.dibao and (x.dibao_until is null or x.dibao_until >= :first))))
            ),
            support as (
              -- 赡养费 an obligor pays: transfer income of the household, or of the supported member if counted
              select o.household_id, o.monthly_support as monthly_amount
              from obligor o
              left join cur on cur.household_id = o.household_id and cur.person_id = o.supported_person_id
              where o.monthly_support > 0 and o.household_id in (select id from hh)
                and (o.supported_person_id is null or cur.person_id is not null)
            ),
            inf as (
              select household_id, cast(sum(amount) as bigint) as gross from (
                select household_id, amount from income
                union all select household_id, cast(monthly_amount * 1000000 as bigint) from support) g
              group by household_id
            ),
            wf as (
              select household_id, array_agg(wage order by person_id) as wages from (
                select household_id, person_id, cast(sum(amount) as bigint) as wage
                from income where category = 'WAGE' group by household_id, person_id) w
              group by household_id
            ),
            df as (
              select d.household_id,
                     cast(coalesce(sum(d.monthly_amount) filter (where d.type = 'EMPLOYMENT_COST'), 0) * 1000000 as bigint) as d_emp,
                     cast(coalesce(sum(d.monthly_amount) filter (where d.type = 'MEDICAL'), 0) * 1000000 as bigint) as d_med,
                     cast(coalesce(sum(d.monthly_amount) filter (where d.type = 'EDUCATION'), 0) * 1000000 as bigint) as d_edu,
                     cast(coalesce(sum(d.monthly_amount) filter (where d.type = 'REHABILITATION'), 0) * 1000000 as bigint) as d_reh,
                     cast(coalesce(sum(d.monthly_amount) filter (where d.type = 'RENT'), 0) * 1000000 as bigint) as d_rent,
                     cast(coalesce(sum(d.monthly_amount) filter (where d.type = 'SOCIAL_INSURANCE'), 0) * 1000000 as bigint) as d_si,
                     cast(coalesce(sum(d.monthly_amount) filter (where d.type = 'SUPPORT_PAID'), 0) * 1000000 as bigint) as d_sup
              from deduction_item d
              left join cur on cur.household_id = d.household_id and cur.person_id = d.person_id
              where d.period_from <= :last and (d.period_to is null or d.period_to >= :first)
                and d.household_id in (select id from hh)
                and (d.person_id is null or cur.person_id is not null)
              group by d.household_id
            ),
            af as (
              select a.household_id,
                     cast(coalesce(sum(a.value) filter (where a.type in ('DEPOSIT', 'SECURITIES', 'INSURANCE')), 0) * 1000000 as bigint) as money,
                     coalesce(sum(a.quantity) filter (where a.type = 'VEHICLE'), 0) as vehicles,
                     cast(coalesce(sum(a.value) filter (where a.type = 'VEHICLE'), 0) * 1000000 as bigint) as vehicle_value,
                     coalesce(sum(a.quantity) filter (where a.type = 'REAL_ESTATE'), 0) as homes,
                     coalesce(sum(a.floor_area) filter (where a.type = 'REAL_ESTATE'), 0) as floor_area,
                     cast(coalesce(sum(a.value) filter (where a.type = 'BUSINESS_CAPITAL'), 0) * 1000000 as bigint) as capital,
                     -- ADR 0019: other assets, non-residential property, the latest home bought (a version's
                     -- rule on recent purchases fails when it is within its years)
                     cast(coalesce(sum(a.value) filter (where a.type = 'OTHER'), 0) * 1000000 as bigint) as other_value,
                     coalesce(sum(a.quantity) filter (where a.type = 'NON_RESIDENTIAL'), 0) as non_residential,
                     max(a.acquired_on) filter (where a.type = 'REAL_ESTATE' and a.quantity > 0) as latest_home
              from asset_item a
              where not a.exempt and a.period_from <= :last and (a.period_to is null or a.period_to >= :first)
                and a.household_id in (select id from hh)
              group by a.household_id
            )
            select cast(:first as date), hh.id, hh.county, hh.township, hh.hukou_type, coalesce(mf.n, 0),
                   coalesce(mf.c1, 0), coalesce(mf.c2, 0), coalesce(mf.c3, 0), coalesce(mf.c4, 0), coalesce(mf.c5, 0),
                   coalesce(mf.c6, 0), coalesce(mf.c7, 0), coalesce(mf.c8, 0), coalesce(mf.c9, 0), coalesce(mf.c10, 0),
                   coalesce(mf.c11, 0), coalesce(mf.c12, 0), coalesce(mf.c13, 0), coalesce(mf.c14, 0), coalesce(mf.c15, 0),
                   mf.births, mf.groups, coalesce(inf.gross, 0), wf.wages,
                   coalesce(df.d_emp, 0), coalesce(df.d_med, 0), coalesce(df.d_edu, 0), coalesce(df.d_reh, 0),
                   coalesce(df.d_rent, 0), coalesce(df.d_si, 0), coalesce(df.d_sup, 0), coalesce(af.money, 0), coalesce(af.vehicles, 0), coalesce(af.vehicle_value, 0),
                   coalesce(af.homes, 0), coalesce(af.floor_area, 0), coalesce(af.capital, 0),
                   coalesce(af.other_value, 0), coalesce(af.non_residential, 0), af.latest_home
            from hh
            left join mf on mf.household_id = hh.id
            left join inf on inf.household_id = hh.id
            left join wf on wf.household_id = hh.id
            left join df on df.household_id = hh.id
            left join af on af.household_id = hh.id
            """;

    private final JdbcClient jdbc;

    HouseholdMonthFacts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Makes the county's facts for the month current: refresh dirty households, build the set if new. */
    @Transactional(propagation = Propagation.MANDATORY)
    void ensure(String countyCode, YearMonth month) {
        jdbc.sql("select 1 from pg_advisory_xact_lock(:cls, hashtext(:county))").param("cls", LOCK_CLASS)
                .param("county", countyCode).query(Integer.class).single();
        jdbc.sql("set local work_mem = '256MB'").update();
        refreshDirty(countyCode);
        Integer built = jdbc.sql("select count(*) from household_month_fact_set where county_code = :county "
                + "and month = :month").param("county", countyCode).param("month", month.atDay(1))
                .query(Integer.class).single();
        if (built == null || built == 0) {
            jdbc.sql("delete from household_month_fact where county_code = :county and month = :month")
                    .param("county", countyCode).param("month", month.atDay(1)).update();
            jdbc.sql(FACTS.formatted("h.area_code like :pattern")).paramSource(params(month)
                    .addValue("pattern", countyCode.substring(0, 6) + "%")).update();
            jdbc.sql("insert into household_month_fact_set (county_code, month, built_at, refreshed_at) "
                    + "values (:county, :month, now(), now())").param("county", countyCode)
                    .param("month", month.atDay(1)).update();
            prune(countyCode);
            // a county's set is up to a million new rows: the planner needs their statistics for the first
            // simulation, not after autovacuum gets to them (without, the first warm runs took 5–6 s, not 4)
            analyzeUnlessBusy();
        } else {
            jdbc.sql("update household_month_fact_set set refreshed_at = now() where county_code = :county "
                    + "and month = :month").param("county", countyCode).param("month", month.atDay(1)).update();
        }
    }

    /**
     * ANALYZE holds its table lock until the transaction ends, and two ANALYZEs of one table wait for each
     * other: another county's build (or autovacuum) analysing now will give the planner its statistics, so
     * after a moment this one gives up rather than hold that county's simulation (a savepoint keeps the
     * transaction usable).
     */
    private void analyzeUnlessBusy() {
        jdbc.sql("savepoint facts_analyze").update();
        try {
            jdbc.sql("set local lock_timeout = '500ms'").update();
            jdbc.sql("analyze household_month_fact").update();
            jdbc.sql("release savepoint facts_analyze").update();
        } catch (org.springframework.dao.DataAccessException busy) {
            jdbc.sql("rollback to savepoint facts_analyze").update();
        }
        jdbc.sql("set local lock_timeout to default").update();
    }

    /** Drops the county's sets beyond the {@value #KEPT_SETS} most recently used, with their rows. */
    private void prune(String countyCode) {
        List<java.sql.Date> old = jdbc.sql("select month from household_month_fact_set where county_code = :county "
                        + "order by refreshed_at desc, month desc offset :kept")
                .param("county", countyCode).param("kept", KEPT_SETS).query(java.sql.Date.class).list();
        for (java.sql.Date m : old) {
            jdbc.sql("delete from household_month_fact where county_code = :county and month = :month")
                    .param("county", countyCode).param("month", m).update();
            jdbc.sql("delete from household_month_fact_set where county_code = :county and month = :month")
                    .param("county", countyCode).param("month", m).update();
        }
    }

    /**
     * Recomputes every household of the county marked dirty, in every built set, and clears their marks
     * (the marks of other counties' households are theirs to consume, under their own lock).
     */
    private void refreshDirty(String countyCode) {
        jdbc.sql("create temp table if not exists fact_refresh_ids (household_id bigint primary key) "
                + "on commit delete rows").update();
        // the marks this transaction can see are consumed; marks of writers still running stay for next time
        int dirty = jdbc.sql("""
                with d as (delete from household_fact_dirty f using household h
                           where h.id = f.household_id and h.area_code like :pattern returning f.household_id)
                insert into fact_refresh_ids select distinct household_id from d on conflict do nothing""")
                .param("pattern", countyCode.substring(0, 6) + "%").update();
        if (dirty == 0) {
            return;
        }
        jdbc.sql("analyze fact_refresh_ids").update();
        List<java.sql.Date> months = jdbc.sql("select distinct month from household_month_fact_set")
                .query(java.sql.Date.class).list();
        for (java.sql.Date m : months) {
            YearMonth month = YearMonth.from(m.toLocalDate());
            jdbc.sql("delete from household_month_fact where month = :month and household_id in "
                    + "(select household_id from fact_refresh_ids)").param("month", m).update();
            jdbc.sql(FACTS.formatted("h.id in (select household_id from fact_refresh_ids)")).paramSource(params(month))
                    .update();
        }
    }

    private static MapSqlParameterSource params(YearMonth month) {
        return new MapSqlParameterSource("first", month.atDay(1))
                // ages on the first day of the month, as the engine counts them; the national 分类施保 ages
                // (a version with others reads births and groups instead)
                .addValue("elderlyBorn", month.atDay(1).minusYears(ELDERLY_AGE))
                .addValue("minorBorn", month.atDay(1).minusYears(MINOR_AGE))
                .addValue("last", month.atEndOfMonth())
                // the month as a month number (year × 12 + month), to count the months an item is in force
                .addValue("m", month.getYear() * 12 + month.getMonthValue());
    }
}
