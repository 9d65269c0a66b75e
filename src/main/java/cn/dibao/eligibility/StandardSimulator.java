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

    /** Per household: the standard version in force and the figures both scenarios share. */
    private static final String BASE = """
            with hh as not materialized (
              select h.id, h.hukou_type, left(h.area_code, 9) || '000' as township
              from household h
              where h.status = 'ACTIVE' and h.area_code like :pattern
            ),
            pairs as (select distinct left(area_code, 9) || '000' as township, hukou_type from household
                      where status = 'ACTIVE' and area_code like :pattern),
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
            -- The few versions in force, with every amount that depends on the standard worked out for
            -- both scenarios, so the per-person work below is plain comparisons and additions.
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
            v as not materialized (
              select hh.id as household_id, ver.*
              from hh join ver on ver.township = hh.township and ver.hh_hukou = hh.hukou_type
            ),
            mem as not materialized (
              select m.household_id, m.person_id, m.counted,
                     p.birth_date <= :elderlyBorn as elderly, p.birth_date > :minorBorn as minor,
                     coalesce(p.disability_grade <= 2 or (p.disability_grade = 3 and p.disability_category in (5, 6)), false) as severe,
                     p.serious_illness as ill
              from household_member m
              join person p on p.id = m.person_id
              where m.joined_on <= :first and (m.left_on is null or m.left_on > :first)
            ),
            inc as not materialized (
              select i.household_id, i.person_id, sum(i.monthly_amount) as amount,
                     coalesce(sum(i.monthly_amount) filter (where i.category = 'WAGE'), 0) as wage
              from income_item i
              where not i.excluded and i.period_from <= :last and (i.period_to is null or i.period_to >= :first)
              group by i.household_id, i.person_id
            ),
            people as (
              select v.household_id, count(*) as n, coalesce(sum(inc.amount), 0) as gross,
                     sum(case when v.topup_stacking = 'STACK'
                              then case when mem.elderly then v.e_old else 0 end + case when mem.minor then v.m_old else 0 end
                                 + case when mem.severe then v.d_old else 0 end + case when mem.ill then v.i_old else 0 end
                              else coalesce(greatest(case when mem.elderly then v.e_old end, case when mem.minor then v.m_old end,
                                 case when mem.severe then v.d_old end, case when mem.ill then v.i_old end), 0) end) as topup_old,
                     sum(case when v.topup_stacking = 'STACK'
                              then case when mem.elderly then v.e_new else 0 end + case when mem.minor then v.m_new else 0 end
                                 + case when mem.severe then v.d_new else 0 end + case when mem.ill then v.i_new else 0 end
                              else coalesce(greatest(case when mem.elderly then v.e_new end, case when mem.minor then v.m_new end,
                                 case when mem.severe then v.d_new end, case when mem.ill then v.i_new end), 0) end) as topup_new,
                     coalesce(sum(case when inc.wage > 0 then least(inc.wage, v.emp_cap_old) end), 0) as emp_old,
                     coalesce(sum(case when inc.wage > 0 then least(inc.wage, v.emp_cap_new) end), 0) as emp_new
              from mem
              join v on v.household_id = mem.household_id
              left join inc on inc.household_id = mem.household_id and inc.person_id = mem.person_id
              where mem.counted
              group by v.household_id
            ),
            ded as (
              select d.household_id, sum(d.monthly_amount) as amount
              from deduction_item d
              join v on v.household_id = d.household_id
              left join mem on mem.household_id = d.household_id and mem.person_id = d.person_id
              where d.period_from <= :last and (d.period_to is null or d.period_to >= :first)
                and (d.person_id is null or mem.counted)
                and case d.type when 'EMPLOYMENT_COST' then v.employment_cost_pct = 0 when 'MEDICAL' then v.deduct_medical
                     when 'EDUCATION' then v.deduct_education when 'REHABILITATION' then v.deduct_rehabilitation
                     else v.deduct_rent end
              group by d.household_id
            ),
            assets as (
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
              select v.household_id, v.standard_id, v.std_old, v.std_new, v.edge_multiplier, v.rounding_rule,
                     v.min_benefit, coalesce(pe.n, 0) as n,
                     coalesce(pe.topup_old, 0) as topup_old, coalesce(pe.topup_new, 0) as topup_new,
                     greatest(coalesce(pe.gross, 0) - coalesce(ded.amount, 0) - coalesce(pe.emp_old, 0), 0) as net_old,
                     greatest(coalesce(pe.gross, 0) - coalesce(ded.amount, 0) - coalesce(pe.emp_new, 0), 0) as net_new,
                     coalesce(a.vehicles, 0) <= v.max_vehicles
                       and (v.max_vehicle_value is null or coalesce(a.vehicles, 0) = 0 or coalesce(a.vehicle_value, 0) <= v.max_vehicle_value)
                       and coalesce(a.homes, 0) <= v.max_homes
                       and (v.max_floor_area_per_person is null or coalesce(pe.n, 0) = 0 or coalesce(a.homes, 0) = 0
                            or coalesce(a.floor_area, 0) <= v.max_floor_area_per_person * pe.n)
                       and coalesce(a.capital, 0) <= v.max_business_capital
                       and coalesce(a.money, 0) <= v.std_old * 12 * greatest(coalesce(pe.n, 0), 1) * v.money_assets_multiple as prop_old,
                     coalesce(a.vehicles, 0) <= v.max_vehicles
                       and (v.max_vehicle_value is null or coalesce(a.vehicles, 0) = 0 or coalesce(a.vehicle_value, 0) <= v.max_vehicle_value)
                       and coalesce(a.homes, 0) <= v.max_homes
                       and (v.max_floor_area_per_person is null or coalesce(pe.n, 0) = 0 or coalesce(a.homes, 0) = 0
                            or coalesce(a.floor_area, 0) <= v.max_floor_area_per_person * pe.n)
                       and coalesce(a.capital, 0) <= v.max_business_capital
                       and coalesce(a.money, 0) <= v.std_new * 12 * greatest(coalesce(pe.n, 0), 1) * v.money_assets_multiple as prop_new
              from v
              left join people pe on pe.household_id = v.household_id
              left join ded on ded.household_id = v.household_id
              left join assets a on a.household_id = v.household_id
            ),
            scenario as (
              select cat.household_id, cat.standard_id,
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
              from cat
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

    private static MapSqlParameterSource params(String countyCode, YearMonth month, BigDecimal newStandard) {
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
