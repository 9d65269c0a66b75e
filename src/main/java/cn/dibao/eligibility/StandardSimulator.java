package cn.dibao.eligibility;

import cn.dibao.area.AreaLevel;
import cn.dibao.area.AreaService;
import cn.dibao.area.AreaView;
import cn.dibao.common.web.DomainException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * "If the 低保标准 of this county becomes X from month M": who gains, who loses, who changes
 * category, and what it costs per month. One SQL statement over all active households of the
 * county (set-based: no Java loop over households), applying the same income, deduction,
 * property, 分类施保 and rounding rules as the engine for the two categories the standard moves
 * directly, 低保 and 低保边缘. Households whose standard is a township override keep it.
 * {@code StandardSimulatorConsistencyTest} holds the SQL to the engine, household by household.
 */
@Service
@Transactional(readOnly = true)
public class StandardSimulator {

    /**
     * Per household: version-independent facts first (counted members and their 分类施保 groups as
     * a bitmask count, counted income, deductions by type, property), each one aggregation over its
     * table; then the few standard versions in force are joined at household level. Joining the
     * versions to 2.5M member rows instead made PostgreSQL misestimate and take 20–30 s.
     */
    private static final String BASE = """
            with hh as (
              select h.id, h.hukou_type, left(h.area_code, 9) || '000' as township
              from household h
              where h.status = 'ACTIVE' and h.area_code like :pattern
            ),
            pairs as (select distinct township, hukou_type from hh),
            resolved as (
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
            ver as (
              select township, hh_hukou, id as standard_id, dibao_standard as std_old, std_new, rounding_rule,
                     min_benefit, edge_multiplier, money_assets_multiple, max_vehicles, max_vehicle_value, max_homes,
                     max_floor_area_per_person, max_business_capital, employment_cost_pct, topup_stacking,
                     deduct_medical, deduct_education, deduct_rehabilitation, deduct_rent,
                     case topup_elderly_mode when 'FIXED' then topup_elderly_value else dibao_standard * topup_elderly_value / 100 end as e_old,
                     case topup_elderly_mode when 'FIXED' then topup_elderly_value else std_new * topup_elderly_value / 100 end as e_new,
                     case topup_minor_mode when 'FIXED' then topup_minor_value else dibao_standard * topup_minor_value / 100 end as m_old,
                     case topup_minor_mode when 'FIXED' then topup_minor_value else std_new * topup_minor_value / 100 end as m_new,
                     case topup_disability_mode when 'FIXED' then topup_disability_value else dibao_standard * topup_disability_value / 100 end as d_old,
                     case topup_disability_mode when 'FIXED' then topup_disability_value else std_new * topup_disability_value / 100 end as d_new,
                     case topup_illness_mode when 'FIXED' then topup_illness_value else dibao_standard * topup_illness_value / 100 end as i_old,
                     case topup_illness_mode when 'FIXED' then topup_illness_value else std_new * topup_illness_value / 100 end as i_new,
                     dibao_standard * employment_cost_pct / 100 as emp_cap_old, std_new * employment_cost_pct / 100 as emp_cap_new
              from resolved
            ),
            cur as (
              -- memberships on the first day of the month (the engine's "as of" rule)
              select m.household_id, m.person_id, m.counted
              from household_member m
              where m.joined_on <= :first and (m.left_on is null or m.left_on > :first)
                and m.household_id in (select id from hh)
            ),
            mf as (
              -- counted members per household, and how many fall in each combination of 分类施保 groups
              -- (bit 1 elderly, 2 minor, 4 severely disabled, 8 seriously ill)
              select household_id, count(*) as n,
                     count(*) filter (where mask = 1) as c1,
                     count(*) filter (where mask = 2) as c2,
                     count(*) filter (where mask = 3) as c3,
                     count(*) filter (where mask = 4) as c4,
                     count(*) filter (where mask = 5) as c5,
                     count(*) filter (where mask = 6) as c6,
                     count(*) filter (where mask = 7) as c7,
                     count(*) filter (where mask = 8) as c8,
                     count(*) filter (where mask = 9) as c9,
                     count(*) filter (where mask = 10) as c10,
                     count(*) filter (where mask = 11) as c11,
                     count(*) filter (where mask = 12) as c12,
                     count(*) filter (where mask = 13) as c13,
                     count(*) filter (where mask = 14) as c14,
                     count(*) filter (where mask = 15) as c15
              from (
                select cur.household_id,
                       case when p.birth_date <= :elderlyBorn then 1 else 0 end
                     + case when p.birth_date > :minorBorn then 2 else 0 end
                     + case when coalesce(p.disability_grade <= 2 or (p.disability_grade = 3 and p.disability_category in (5, 6)), false) then 4 else 0 end
                     + case when p.serious_illness then 8 else 0 end as mask
                from cur join person p on p.id = cur.person_id
                where cur.counted
              ) x
              group by household_id
            ),
            inf as (
              select i.household_id, sum(i.monthly_amount) as gross
              from income_item i
              join cur on cur.household_id = i.household_id and cur.person_id = i.person_id and cur.counted
              where not i.excluded and i.period_from <= :last and (i.period_to is null or i.period_to >= :first)
              group by i.household_id
            ),
            wf as (
              -- wages per counted member, only read when a version deducts employment cost
              select household_id, array_agg(wage) as wages from (
                select i.household_id, i.person_id, sum(i.monthly_amount) as wage
                from income_item i
                join cur on cur.household_id = i.household_id and cur.person_id = i.person_id and cur.counted
                where :employmentCost and i.category = 'WAGE' and not i.excluded
                  and i.period_from <= :last and (i.period_to is null or i.period_to >= :first)
                group by i.household_id, i.person_id) w
              group by household_id
            ),
            df as (
              select d.household_id,
                     coalesce(sum(d.monthly_amount) filter (where d.type = 'EMPLOYMENT_COST'), 0) as d_emp,
                     coalesce(sum(d.monthly_amount) filter (where d.type = 'MEDICAL'), 0) as d_med,
                     coalesce(sum(d.monthly_amount) filter (where d.type = 'EDUCATION'), 0) as d_edu,
                     coalesce(sum(d.monthly_amount) filter (where d.type = 'REHABILITATION'), 0) as d_reh,
                     coalesce(sum(d.monthly_amount) filter (where d.type = 'RENT'), 0) as d_rent
              from deduction_item d
              left join cur on cur.household_id = d.household_id and cur.person_id = d.person_id
              where d.period_from <= :last and (d.period_to is null or d.period_to >= :first)
                and (d.person_id is null or cur.counted)
              group by d.household_id
            ),
            af as (
              select a.household_id,
                     coalesce(sum(a.value) filter (where a.type in ('DEPOSIT', 'SECURITIES', 'INSURANCE')), 0) as money,
                     coalesce(sum(a.quantity) filter (where a.type = 'VEHICLE'), 0) as vehicles,
                     coalesce(sum(a.value) filter (where a.type = 'VEHICLE'), 0) as vehicle_value,
                     coalesce(sum(a.quantity) filter (where a.type = 'REAL_ESTATE'), 0) as homes,
                     coalesce(sum(a.floor_area) filter (where a.type = 'REAL_ESTATE'), 0) as floor_area,
                     coalesce(sum(a.value) filter (where a.type = 'BUSINESS_CAPITAL'), 0) as capital
              from asset_item a
              where not a.exempt and a.period_from <= :last and (a.period_to is null or a.period_to >= :first)
              group by a.household_id
            ),
            cat as (
              select hh.id as household_id, ver.standard_id, ver.std_old, ver.std_new, ver.edge_multiplier,
                     ver.rounding_rule, ver.min_benefit, coalesce(mf.n, 0) as n,
                     coalesce(mf.c1, 0) * ver.e_old
                       + coalesce(mf.c2, 0) * ver.m_old
                       + coalesce(mf.c3, 0) * (case when ver.topup_stacking = 'STACK' then ver.e_old + ver.m_old else greatest(ver.e_old, ver.m_old) end)
                       + coalesce(mf.c4, 0) * ver.d_old
                       + coalesce(mf.c5, 0) * (case when ver.topup_stacking = 'STACK' then ver.e_old + ver.d_old else greatest(ver.e_old, ver.d_old) end)
                       + coalesce(mf.c6, 0) * (case when ver.topup_stacking = 'STACK' then ver.m_old + ver.d_old else greatest(ver.m_old, ver.d_old) end)
                       + coalesce(mf.c7, 0) * (case when ver.topup_stacking = 'STACK' then ver.e_old + ver.m_old + ver.d_old else greatest(ver.e_old, ver.m_old, ver.d_old) end)
                       + coalesce(mf.c8, 0) * ver.i_old
                       + coalesce(mf.c9, 0) * (case when ver.topup_stacking = 'STACK' then ver.e_old + ver.i_old else greatest(ver.e_old, ver.i_old) end)
                       + coalesce(mf.c10, 0) * (case when ver.topup_stacking = 'STACK' then ver.m_old + ver.i_old else greatest(ver.m_old, ver.i_old) end)
                       + coalesce(mf.c11, 0) * (case when ver.topup_stacking = 'STACK' then ver.e_old + ver.m_old + ver.i_old else greatest(ver.e_old, ver.m_old, ver.i_old) end)
                       + coalesce(mf.c12, 0) * (case when ver.topup_stacking = 'STACK' then ver.d_old + ver.i_old else greatest(ver.d_old, ver.i_old) end)
                       + coalesce(mf.c13, 0) * (case when ver.topup_stacking = 'STACK' then ver.e_old + ver.d_old + ver.i_old else greatest(ver.e_old, ver.d_old, ver.i_old) end)
                       + coalesce(mf.c14, 0) * (case when ver.topup_stacking = 'STACK' then ver.m_old + ver.d_old + ver.i_old else greatest(ver.m_old, ver.d_old, ver.i_old) end)
                       + coalesce(mf.c15, 0) * (case when ver.topup_stacking = 'STACK' then ver.e_old + ver.m_old + ver.d_old + ver.i_old else greatest(ver.e_old, ver.m_old, ver.d_old, ver.i_old) end) as topup_old,
                     coalesce(mf.c1, 0) * ver.e_new
                       + coalesce(mf.c2, 0) * ver.m_new
                       + coalesce(mf.c3, 0) * (case when ver.topup_stacking = 'STACK' then ver.e_new + ver.m_new else greatest(ver.e_new, ver.m_new) end)
                       + coalesce(mf.c4, 0) * ver.d_new
                       + coalesce(mf.c5, 0) * (case when ver.topup_stacking = 'STACK' then ver.e_new + ver.d_new else greatest(ver.e_new, ver.d_new) end)
                       + coalesce(mf.c6, 0) * (case when ver.topup_stacking = 'STACK' then ver.m_new + ver.d_new else greatest(ver.m_new, ver.d_new) end)
                       + coalesce(mf.c7, 0) * (case when ver.topup_stacking = 'STACK' then ver.e_new + ver.m_new + ver.d_new else greatest(ver.e_new, ver.m_new, ver.d_new) end)
                       + coalesce(mf.c8, 0) * ver.i_new
                       + coalesce(mf.c9, 0) * (case when ver.topup_stacking = 'STACK' then ver.e_new + ver.i_new else greatest(ver.e_new, ver.i_new) end)
                       + coalesce(mf.c10, 0) * (case when ver.topup_stacking = 'STACK' then ver.m_new + ver.i_new else greatest(ver.m_new, ver.i_new) end)
                       + coalesce(mf.c11, 0) * (case when ver.topup_stacking = 'STACK' then ver.e_new + ver.m_new + ver.i_new else greatest(ver.e_new, ver.m_new, ver.i_new) end)
                       + coalesce(mf.c12, 0) * (case when ver.topup_stacking = 'STACK' then ver.d_new + ver.i_new else greatest(ver.d_new, ver.i_new) end)
                       + coalesce(mf.c13, 0) * (case when ver.topup_stacking = 'STACK' then ver.e_new + ver.d_new + ver.i_new else greatest(ver.e_new, ver.d_new, ver.i_new) end)
                       + coalesce(mf.c14, 0) * (case when ver.topup_stacking = 'STACK' then ver.m_new + ver.d_new + ver.i_new else greatest(ver.m_new, ver.d_new, ver.i_new) end)
                       + coalesce(mf.c15, 0) * (case when ver.topup_stacking = 'STACK' then ver.e_new + ver.m_new + ver.d_new + ver.i_new else greatest(ver.e_new, ver.m_new, ver.d_new, ver.i_new) end) as topup_new,
                     coalesce(inf.gross, 0)
                       - case when ver.employment_cost_pct = 0 then coalesce(df.d_emp, 0) else 0 end
                       - case when ver.deduct_medical then coalesce(df.d_med, 0) else 0 end
                       - case when ver.deduct_education then coalesce(df.d_edu, 0) else 0 end
                       - case when ver.deduct_rehabilitation then coalesce(df.d_reh, 0) else 0 end
                       - case when ver.deduct_rent then coalesce(df.d_rent, 0) else 0 end as net_before_emp,
                     case when ver.employment_cost_pct > 0 and wf.wages is not null
                          then (select sum(least(w, ver.emp_cap_old)) from unnest(wf.wages) w) else 0 end as emp_old,
                     case when ver.employment_cost_pct > 0 and wf.wages is not null
                          then (select sum(least(w, ver.emp_cap_new)) from unnest(wf.wages) w) else 0 end as emp_new,
                     coalesce(af.vehicles, 0) <= ver.max_vehicles
                       and (ver.max_vehicle_value is null or coalesce(af.vehicles, 0) = 0 or coalesce(af.vehicle_value, 0) <= ver.max_vehicle_value)
                       and coalesce(af.homes, 0) <= ver.max_homes
                       and (ver.max_floor_area_per_person is null or coalesce(mf.n, 0) = 0 or coalesce(af.homes, 0) = 0
                            or coalesce(af.floor_area, 0) <= ver.max_floor_area_per_person * mf.n)
                       and coalesce(af.capital, 0) <= ver.max_business_capital as prop_common,
                     coalesce(af.money, 0) as money, ver.money_assets_multiple
              from hh
              join ver on ver.township = hh.township and ver.hh_hukou = hh.hukou_type
              left join mf on mf.household_id = hh.id
              left join inf on inf.household_id = hh.id
              left join wf on wf.household_id = hh.id
              left join df on df.household_id = hh.id
              left join af on af.household_id = hh.id
            ),
            calc as (
              select cat.*,
                     greatest(net_before_emp - emp_old, 0) as net_old,
                     greatest(net_before_emp - emp_new, 0) as net_new,
                     prop_common and money <= std_old * 12 * greatest(n, 1) * money_assets_multiple as prop_old,
                     prop_common and money <= std_new * 12 * greatest(n, 1) * money_assets_multiple as prop_new
              from cat
            ),
            scenario as (
              select household_id, standard_id,
                     case when n > 0 and net_old < std_old * n and prop_old then 'DIBAO'
                          when n > 0 and net_old < std_old * n * edge_multiplier and prop_old then 'DIBAO_EDGE'
                          else 'NONE' end as cat_old,
                     case when n > 0 and net_new < std_new * n and prop_new then 'DIBAO'
                          when n > 0 and net_new < std_new * n * edge_multiplier and prop_new then 'DIBAO_EDGE'
                          else 'NONE' end as cat_new,
                     case when n > 0 and net_old < std_old * n and prop_old
                          then greatest(round_benefit(std_old * n - net_old + topup_old, rounding_rule), min_benefit)
                          else 0 end as amount_old,
                     case when n > 0 and net_new < std_new * n and prop_new
                          then greatest(round_benefit(std_new * n - net_new + topup_new, rounding_rule), min_benefit)
                          else 0 end as amount_new
              from calc
            )
            """;

    private final NamedParameterJdbcTemplate jdbc;
    private final AreaService areas;

    StandardSimulator(NamedParameterJdbcTemplate jdbc, AreaService areas) {
        this.jdbc = jdbc;
        this.areas = areas;
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
        jdbc.query(BASE + """
                select cat_old, cat_new, count(*) as households, sum(amount_old) as cost_before, sum(amount_new) as cost_after
                from scenario group by cat_old, cat_new order by cat_old, cat_new
                """, params(county.code(), month, newStandard), rs -> {
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
        return jdbc.query(BASE + "select household_id, standard_id, cat_old, amount_old from scenario order by household_id",
                params(countyCode, month, BigDecimal.ONE), (rs, i) -> new HouseholdOutcome(rs.getLong(1), rs.getLong(2),
                        rs.getString(3), rs.getBigDecimal(4).setScale(2)));
    }

    private MapSqlParameterSource params(String countyCode, YearMonth month, BigDecimal newStandard) {
        // Bulk aggregation over the county: give this transaction room for in-memory hashing.
        jdbc.getJdbcTemplate().execute("set local work_mem = '256MB'");
        Boolean employmentCost = jdbc.getJdbcTemplate().queryForObject(
                "select exists (select 1 from subsidy_standard where employment_cost_pct > 0 and area_code like ?)",
                Boolean.class, countyCode.substring(0, 6) + "%");
        return baseParams(countyCode, month, newStandard).addValue("employmentCost", Boolean.TRUE.equals(employmentCost));
    }

    private static MapSqlParameterSource baseParams(String countyCode, YearMonth month, BigDecimal newStandard) {
        return new MapSqlParameterSource("pattern", countyCode.substring(0, 6) + "%")
                .addValue("county", countyCode)
                .addValue("first", month.atDay(1))
                // ages on the first day of the month, as the engine counts them
                .addValue("elderlyBorn", month.atDay(1).minusYears(60))
                .addValue("minorBorn", month.atDay(1).minusYears(18))
                .addValue("last", month.atEndOfMonth())
                .addValue("newStandard", newStandard);
    }
}
