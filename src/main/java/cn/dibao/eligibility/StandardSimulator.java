package cn.dibao.eligibility;

import cn.dibao.area.AreaLevel;
import cn.dibao.area.AreaService;
import cn.dibao.area.AreaView;
import cn.dibao.common.error.DomainException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * "If the 低保标准 of this county becomes X from month M": who gains, who loses, who changes
 * category, and what it costs per month. One SQL statement over the county's household facts of
 * the month ({@link HouseholdMonthFacts}; set-based: no Java loop over households), applying the same income, deduction,
 * property, 分类施保 and rounding rules as the engine for the two categories the standard moves
 * directly, 低保 and 低保边缘. Households whose standard is a township override keep it.
 * {@code StandardSimulatorConsistencyTest} holds the SQL to the engine, household by household.
 */
@Service
@Transactional
public class StandardSimulator {

    /**
     * Per household: the version-independent facts of the month ({@link HouseholdMonthFacts}), joined
     * to the few standard versions in force (one per township and hukou type, materialised so the
     * planner does not re-resolve them per household), then both scenarios side by side in exact
     * micro-yuan integers (numeric arithmetic over 1M rows cost seconds).
     */
    private static final String BASE = """

            with pairs as (
              select a.code as township, hk.hukou_type
              from area a cross join (values ('URBAN'), ('RURAL')) hk(hukou_type)
              where a.level in ('TOWNSHIP', 'COUNTY') and a.code like :pattern
            ),
            resolved as materialized (
              select pairs.township, pairs.hukou_type as hh_hukou, s.*,
                     case when s.area_code = :county then cast(:newStandard as numeric) else s.dibao_standard end as std_new
              from pairs cross join lateral (
                select * from subsidy_standard s
                where s.area_code in (pairs.township, left(pairs.township, 6) || '000000')
                  and (s.hukou_type is null or s.hukou_type = pairs.hukou_type)
                  and s.effective_from <= :first
                order by s.effective_from desc, (s.area_code = pairs.township) desc, (s.hukou_type is not null) desc
                limit 1) s
            ),
            ver as materialized (
              -- money in micro-yuan (bigint), exact like the engine; multiples and percentages in hundredths
              select township, hh_hukou as hukou_type, id as standard_id, rounding_rule,
                     cast(dibao_standard * 1000000 as bigint) as std_old, cast(std_new * 1000000 as bigint) as std_new,
                     cast(min_benefit * 1000000 as bigint) as min_benefit,
                     case when rounding_rule in ('UP_YUAN', 'HALF_UP_YUAN') then 1000000
                          when rounding_rule in ('UP_JIAO', 'HALF_UP_JIAO') then 100000 else 10000 end as round_unit,
                     -- added before truncating to the unit: unit − 1 rounds up, unit / 2 rounds half up
                     case rounding_rule when 'UP_YUAN' then 999999 when 'UP_JIAO' then 99999
                          when 'HALF_UP_YUAN' then 500000 when 'HALF_UP_JIAO' then 50000 else 5000 end as round_add,
                     cast(edge_multiplier * 100 as bigint) as edge_h,
                     -- the 低保 property limits, then 低保边缘's (its own row of standard_property, else 低保's; ADR 0019)
                     cast(resolved.money_assets_multiple * 100 as bigint) as money_h,
                     resolved.max_vehicles as max_vehicles, cast(resolved.max_vehicle_value * 1000000 as bigint) as max_vehicle_value,
                     resolved.max_homes as max_homes, resolved.max_floor_area_per_person as max_floor_area_per_person,
                     cast(resolved.max_business_capital * 1000000 as bigint) as max_capital,
                     cast(resolved.max_other_assets * 1000000 as bigint) as max_other,
                     case when resolved.recent_home_years is not null
                          then cast(cast(:first as date) - make_interval(years => resolved.recent_home_years) as date) end as recent_before,
                     resolved.max_non_residential as max_non_residential,
                     cast(el.money_assets_multiple * 100 as bigint) as x_money_h,
                     el.max_vehicles as x_max_vehicles, cast(el.max_vehicle_value * 1000000 as bigint) as x_max_vehicle_value,
                     el.max_homes as x_max_homes, el.max_floor_area_per_person as x_max_floor_area_per_person,
                     cast(el.max_business_capital * 1000000 as bigint) as x_max_capital,
                     cast(el.max_other_assets * 1000000 as bigint) as x_max_other,
                     case when el.recent_home_years is not null
                          then cast(cast(:first as date) - make_interval(years => el.recent_home_years) as date) end as x_recent_before,
                     el.max_non_residential as x_max_non_residential,
                     el.standard_id is not null as edge_own,
                     employment_cost_pct > 0 as emp_pct, topup_stacking = 'STACK' as stack,
                     case when employment_cost_pct = 0 then 1 else 0 end as ded_emp,
                     case when deduct_medical then 1 else 0 end as ded_med,
                     case when deduct_education then 1 else 0 end as ded_edu,
                     case when deduct_rehabilitation then 1 else 0 end as ded_reh,
                     case when deduct_rent then 1 else 0 end as ded_rent,
                     cast(case topup_elderly_mode when 'FIXED' then topup_elderly_value else dibao_standard * topup_elderly_value / 100 end * 1000000 as bigint) as e_old,
                     cast(case topup_elderly_mode when 'FIXED' then topup_elderly_value else std_new * topup_elderly_value / 100 end * 1000000 as bigint) as e_new,
                     cast(case topup_minor_mode when 'FIXED' then topup_minor_value else dibao_standard * topup_minor_value / 100 end * 1000000 as bigint) as m_old,
                     cast(case topup_minor_mode when 'FIXED' then topup_minor_value else std_new * topup_minor_value / 100 end * 1000000 as bigint) as m_new,
                     cast(case topup_disability_mode when 'FIXED' then topup_disability_value else dibao_standard * topup_disability_value / 100 end * 1000000 as bigint) as d_old,
                     cast(case topup_disability_mode when 'FIXED' then topup_disability_value else std_new * topup_disability_value / 100 end * 1000000 as bigint) as d_new,
                     cast(case topup_illness_mode when 'FIXED' then topup_illness_value else dibao_standard * topup_illness_value / 100 end * 1000000 as bigint) as i_old,
                     cast(case topup_illness_mode when 'FIXED' then topup_illness_value else std_new * topup_illness_value / 100 end * 1000000 as bigint) as i_new,
                     cast(dibao_standard * employment_cost_pct / 100 * 1000000 as bigint) as emp_cap_old,
                     cast(std_new * employment_cost_pct / 100 * 1000000 as bigint) as emp_cap_new,
                     -- the facts' c1..c15 count by the national 分类施保 ages; other ages read each member's birth date
                     topup_elderly_age = :factsElderlyAge and topup_minor_age = :factsMinorAge as national_ages,
                     cast(cast(:first as date) - make_interval(years => topup_elderly_age) as date) as elderly_born,
                     cast(cast(:first as date) - make_interval(years => topup_minor_age) as date) as minor_born
              from resolved
              left join standard_property el on el.standard_id = resolved.id and el.programme = 'DIBAO_EDGE'
            ),
            lim as materialized (
              -- per version: 低保边缘's limits are its own, or 低保's
              select ver.*,
                     case when edge_own then x_money_h else money_h end as e_money_h,
                     case when edge_own then x_max_vehicles else max_vehicles end as e_max_vehicles,
                     case when edge_own then x_max_vehicle_value else max_vehicle_value end as e_max_vehicle_value,
                     case when edge_own then x_max_homes else max_homes end as e_max_homes,
                     case when edge_own then x_max_floor_area_per_person else max_floor_area_per_person end as e_max_floor_area_per_person,
                     case when edge_own then x_max_capital else max_capital end as e_max_capital,
                     case when edge_own then x_max_other else max_other end as e_max_other,
                     case when edge_own then x_recent_before else recent_before end as e_recent_before,
                     case when edge_own then x_max_non_residential else max_non_residential end as e_max_non_residential
              from ver
            ),
            per_household as (
              -- one pass over the county's facts; each lateral step is computed once per household
              -- (offset 0 keeps the planner from inlining it and re-evaluating the expressions)
              select f.household_id, ver.standard_id, s.*
              from household_month_fact f
              join lim ver on ver.township = f.township_code and ver.hukou_type = f.hukou_type
              cross join lateral (
                select f.n * ver.std_old as total_old, f.n * ver.std_new as total_new,
                       case when not ver.national_ages then {PER_MEMBER_old} else
                       f.c1 * ver.e_old
                   + f.c2 * ver.m_old
                   + f.c3 * (case when ver.stack then ver.e_old + ver.m_old else greatest(ver.e_old, ver.m_old) end)
                   + f.c4 * ver.d_old
                   + f.c5 * (case when ver.stack then ver.e_old + ver.d_old else greatest(ver.e_old, ver.d_old) end)
                   + f.c6 * (case when ver.stack then ver.m_old + ver.d_old else greatest(ver.m_old, ver.d_old) end)
                   + f.c7 * (case when ver.stack then ver.e_old + ver.m_old + ver.d_old else greatest(ver.e_old, ver.m_old, ver.d_old) end)
                   + f.c8 * ver.i_old
                   + f.c9 * (case when ver.stack then ver.e_old + ver.i_old else greatest(ver.e_old, ver.i_old) end)
                   + f.c10 * (case when ver.stack then ver.m_old + ver.i_old else greatest(ver.m_old, ver.i_old) end)
                   + f.c11 * (case when ver.stack then ver.e_old + ver.m_old + ver.i_old else greatest(ver.e_old, ver.m_old, ver.i_old) end)
                   + f.c12 * (case when ver.stack then ver.d_old + ver.i_old else greatest(ver.d_old, ver.i_old) end)
                   + f.c13 * (case when ver.stack then ver.e_old + ver.d_old + ver.i_old else greatest(ver.e_old, ver.d_old, ver.i_old) end)
                   + f.c14 * (case when ver.stack then ver.m_old + ver.d_old + ver.i_old else greatest(ver.m_old, ver.d_old, ver.i_old) end)
                   + f.c15 * (case when ver.stack then ver.e_old + ver.m_old + ver.d_old + ver.i_old else greatest(ver.e_old, ver.m_old, ver.d_old, ver.i_old) end) end as topup_old,
                       case when not ver.national_ages then {PER_MEMBER_new} else
                       f.c1 * ver.e_new
                   + f.c2 * ver.m_new
                   + f.c3 * (case when ver.stack then ver.e_new + ver.m_new else greatest(ver.e_new, ver.m_new) end)
                   + f.c4 * ver.d_new
                   + f.c5 * (case when ver.stack then ver.e_new + ver.d_new else greatest(ver.e_new, ver.d_new) end)
                   + f.c6 * (case when ver.stack then ver.m_new + ver.d_new else greatest(ver.m_new, ver.d_new) end)
                   + f.c7 * (case when ver.stack then ver.e_new + ver.m_new + ver.d_new else greatest(ver.e_new, ver.m_new, ver.d_new) end)
                   + f.c8 * ver.i_new
                   + f.c9 * (case when ver.stack then ver.e_new + ver.i_new else greatest(ver.e_new, ver.i_new) end)
                   + f.c10 * (case when ver.stack then ver.m_new + ver.i_new else greatest(ver.m_new, ver.i_new) end)
                   + f.c11 * (case when ver.stack then ver.e_new + ver.m_new + ver.i_new else greatest(ver.e_new, ver.m_new, ver.i_new) end)
                   + f.c12 * (case when ver.stack then ver.d_new + ver.i_new else greatest(ver.d_new, ver.i_new) end)
                   + f.c13 * (case when ver.stack then ver.e_new + ver.d_new + ver.i_new else greatest(ver.e_new, ver.d_new, ver.i_new) end)
                   + f.c14 * (case when ver.stack then ver.m_new + ver.d_new + ver.i_new else greatest(ver.m_new, ver.d_new, ver.i_new) end)
                   + f.c15 * (case when ver.stack then ver.e_new + ver.m_new + ver.d_new + ver.i_new else greatest(ver.e_new, ver.m_new, ver.d_new, ver.i_new) end) end as topup_new,
                       f.gross - ver.ded_emp * f.d_emp - ver.ded_med * f.d_med - ver.ded_edu * f.d_edu
                         - ver.ded_reh * f.d_reh - ver.ded_rent * f.d_rent
                         - f.d_si - f.d_sup as net_before_emp, -- 转移性支出: always deducted
                       case when ver.emp_pct and f.wages is not null
                            then (select cast(sum(least(w, ver.emp_cap_old)) as bigint) from unnest(f.wages) w) else 0 end as emp_old,
                       case when ver.emp_pct and f.wages is not null
                            then (select cast(sum(least(w, ver.emp_cap_new)) as bigint) from unnest(f.wages) w) else 0 end as emp_new,
                       f.n > 0 and f.vehicles <= ver.max_vehicles
                         and (ver.max_vehicle_value is null or f.vehicles = 0 or f.vehicle_value <= ver.max_vehicle_value)
                         and f.homes <= ver.max_homes
                         and (ver.max_floor_area_per_person is null or f.homes = 0
                              or f.floor_area <= ver.max_floor_area_per_person * f.n)
                         and f.capital <= ver.max_capital
                         and (ver.max_other is null or f.other_value <= ver.max_other)
                         and (ver.recent_before is null or f.latest_home is null or f.latest_home <= ver.recent_before)
                         and (ver.max_non_residential is null or f.non_residential <= ver.max_non_residential) as prop_common,
                       -- 低保边缘's own limits, only where the version has them (else the 低保 outcome is reused)
                       case when ver.edge_own then f.n > 0 and f.vehicles <= ver.e_max_vehicles
                         and (ver.e_max_vehicle_value is null or f.vehicles = 0 or f.vehicle_value <= ver.e_max_vehicle_value)
                         and f.homes <= ver.e_max_homes
                         and (ver.e_max_floor_area_per_person is null or f.homes = 0
                              or f.floor_area <= ver.e_max_floor_area_per_person * f.n)
                         and f.capital <= ver.e_max_capital
                         and (ver.e_max_other is null or f.other_value <= ver.e_max_other)
                         and (ver.e_recent_before is null or f.latest_home is null or f.latest_home <= ver.e_recent_before)
                         and (ver.e_max_non_residential is null or f.non_residential <= ver.e_max_non_residential) end
                         as prop_common_edge,
                       f.money * 100 as money_h
                offset 0) a
              cross join lateral (
                select greatest(a.net_before_emp - a.emp_old, 0) as net_old,
                       greatest(a.net_before_emp - a.emp_new, 0) as net_new,
                       a.prop_common and a.money_h <= a.total_old * 12 * ver.money_h as prop_old,
                       a.prop_common and a.money_h <= a.total_new * 12 * ver.money_h as prop_new,
                       case when ver.edge_own then a.prop_common_edge and a.money_h <= a.total_old * 12 * ver.e_money_h
                            else a.prop_common and a.money_h <= a.total_old * 12 * ver.money_h end as eprop_old,
                       case when ver.edge_own then a.prop_common_edge and a.money_h <= a.total_new * 12 * ver.e_money_h
                            else a.prop_common and a.money_h <= a.total_new * 12 * ver.money_h end as eprop_new
                offset 0) b
              cross join lateral (
                select b.prop_old and b.net_old < a.total_old as dibao_old,
                       b.prop_new and b.net_new < a.total_new as dibao_new,
                       -- 低保边缘: at or above the 低保 line (a household below it that fails 低保's property is not 边缘)
                       b.eprop_old and b.net_old >= a.total_old and b.net_old * 100 < a.total_old * ver.edge_h as edge_old,
                       b.eprop_new and b.net_new >= a.total_new and b.net_new * 100 < a.total_new * ver.edge_h as edge_new,
                       a.total_old - b.net_old + a.topup_old as raw_old,
                       a.total_new - b.net_new + a.topup_new as raw_new
                offset 0) c
              cross join lateral (
                select case when c.dibao_old then 'DIBAO' when c.edge_old then 'DIBAO_EDGE' else 'NONE' end as cat_old,
                       case when c.dibao_new then 'DIBAO' when c.edge_new then 'DIBAO_EDGE' else 'NONE' end as cat_new,
                       -- rounding by the local rule (round_benefit): up, or half up, to the unit
                       case when c.dibao_old then greatest((c.raw_old + ver.round_add) / ver.round_unit * ver.round_unit,
                                                            ver.min_benefit) else 0 end as amount_old,
                       case when c.dibao_new then greatest((c.raw_new + ver.round_add) / ver.round_unit * ver.round_unit,
                                                            ver.min_benefit) else 0 end as amount_new
                offset 0) s
              where f.county_code = :county and f.month = :first
            )
            """.replace("{PER_MEMBER_old}", perMember("old")).replace("{PER_MEMBER_new}", perMember("new"));

    /**
     * The 分类施保 of a household's counted members one by one, by the version's own ages (ages on the
     * first day of the month, as the engine counts them): each member's highest top-up, or all stacked.
     */
    private static String perMember(String scenario) {
        String e = "case when u.b <= ver.elderly_born then ver.e_%1$s else 0 end".formatted(scenario);
        String m = "case when u.b > ver.minor_born then ver.m_%1$s else 0 end".formatted(scenario);
        String d = "case when u.g & 4 <> 0 then ver.d_%1$s else 0 end".formatted(scenario);
        String i = "case when u.g & 8 <> 0 then ver.i_%1$s else 0 end".formatted(scenario);
        return "coalesce((select cast(sum(case when ver.stack then " + e + " + " + m + " + " + d + " + " + i
                + " else greatest(" + e + ", " + m + ", " + d + ", " + i + ") end) as bigint)"
                + " from unnest(f.births, f.groups) u(b, g)), 0)";
    }

    private final JdbcClient jdbc;
    private final AreaService areas;
    private final HouseholdMonthFacts facts;

    StandardSimulator(JdbcClient jdbc, AreaService areas, HouseholdMonthFacts facts) {
        this.jdbc = jdbc;
        this.areas = areas;
        this.facts = facts;
    }

    public record Transition(String from, String to, long households, BigDecimal costBefore, BigDecimal costAfter) {
    }

    public record Simulation(String countyCode, String countyName, YearMonth month, BigDecimal newStandard,
                             long households, long gain, long lose, long changeCategory, BigDecimal costBefore,
                             BigDecimal costAfter, BigDecimal costDifference, List<Transition> transitions,
                             long millis) {
    }

    /** One household's 低保 / 边缘 outcome under the current standard, for consistency checks. */
    public record HouseholdOutcome(long householdId, long standardId, String category, BigDecimal amount) {
    }

    public Simulation simulate(String countyCode, YearMonth month, BigDecimal newStandard) {
        AreaView county = areas.get(countyCode);
        if (county.level() != AreaLevel.COUNTY) {
            throw new DomainException("areaCode", "simulation.countyOnly");
        }
        if (newStandard == null || newStandard.signum() <= 0 || newStandard.scale() > 2) {
            throw new DomainException("newStandard", "simulation.standard.invalid");
        }
        if (month == null) {
            throw new DomainException("month", "eligibility.month.required");
        }
        long t = System.nanoTime();
        List<Transition> transitions = new ArrayList<>();
        jdbc.sql(BASE + """
                select cat_old, cat_new, count(*) as households, sum(amount_old) / 1000000.0 as cost_before,
                       sum(amount_new) / 1000000.0 as cost_after
                from per_household group by cat_old, cat_new order by cat_old, cat_new
                """).paramSource(params(county.code(), month, newStandard)).query(rs -> {
            transitions.add(new Transition(rs.getString("cat_old"), rs.getString("cat_new"), rs.getLong("households"),
                    rs.getBigDecimal("cost_before"), rs.getBigDecimal("cost_after")));
        });
        long households = transitions.stream().mapToLong(Transition::households).sum();
        long gain = transitions.stream().filter(x -> !x.from().equals("DIBAO") && x.to().equals("DIBAO"))
                .mapToLong(Transition::households).sum();
        long lose = transitions.stream().filter(x -> x.from().equals("DIBAO") && !x.to().equals("DIBAO"))
                .mapToLong(Transition::households).sum();
        long change = transitions.stream().filter(x -> !x.from().equals(x.to())).mapToLong(Transition::households).sum();
        BigDecimal before = transitions.stream().map(Transition::costBefore).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal after = transitions.stream().map(Transition::costAfter).reduce(BigDecimal.ZERO, BigDecimal::add);
        return new Simulation(county.code(), county.name(), month, newStandard, households, gain, lose, change,
                before.setScale(2), after.setScale(2), after.subtract(before).setScale(2), transitions,
                (System.nanoTime() - t) / 1_000_000);
    }

    /** The current standard's outcome per household of the county (unscoped: for tests and benchmarks). */
    public List<HouseholdOutcome> outcomes(String countyCode, YearMonth month) {
        return jdbc.sql(BASE + "select household_id, standard_id, cat_old, amount_old / 1000000.0 as amount from per_household order by household_id")
                .paramSource(params(countyCode, month, BigDecimal.ONE)).query((rs, i) -> new HouseholdOutcome(
                        rs.getLong("household_id"), rs.getLong("standard_id"), rs.getString("cat_old"),
                        rs.getBigDecimal("amount").setScale(2))).list();
    }

    private MapSqlParameterSource params(String countyCode, YearMonth month, BigDecimal newStandard) {
        facts.ensure(countyCode, month);
        return new MapSqlParameterSource("pattern", countyCode.substring(0, 6) + "%")
                .addValue("county", countyCode)
                .addValue("first", month.atDay(1))
                .addValue("newStandard", newStandard)
                .addValue("factsElderlyAge", HouseholdMonthFacts.ELDERLY_AGE)
                .addValue("factsMinorAge", HouseholdMonthFacts.MINOR_AGE);
    }
}
