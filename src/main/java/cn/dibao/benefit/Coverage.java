package cn.dibao.benefit;

import cn.dibao.common.error.DomainException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import java.sql.Date;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Who a benefit covers and what an approval meets (ADR 0026): a person has at most one living benefit
 * (低保, 单人保, 特困) in a month, a household at most one of 低保, 低保边缘 and 刚性支出. A new approval that
 * meets a benefit in force either moves the persons over (a transfer: the old benefit ends the month
 * before the new one starts) or is refused with the benefit it collides with. The database keeps the
 * same rule with exclusion constraints (V34), whatever writes the rows.
 */
@Component
class Coverage {

    /** A benefit in force from a month on that a new one meets: its persons by id, its programme by code. */
    record InForce(long id, String category, String assistanceType, long householdId, YearMonth start,
                   Set<Long> persons) {
    }

    /** What the approval does with a benefit in force: end it the month before (a transfer). */
    record Transfer(InForce from, YearMonth at) {
    }

    private final JdbcClient jdbc;

    Coverage(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The benefits in force at or after {@code start} that the new ones meet, locked until the approval
     * commits, so two approvals for one person queue and the second sees the first.
     */
    List<InForce> met(List<NewBenefit> news, YearMonth start) {
        Set<Long> persons = news.stream().filter(NewBenefit::cash).flatMap(b -> b.covered().stream())
                .collect(Collectors.toSet());
        boolean householdLevel = news.stream().anyMatch(NewBenefit::householdLevel);
        long household = news.get(0).householdId();
        record Row(long id, String category, String assistanceType, long householdId, Date start) {
        }
        List<Row> rows = jdbc.sql("""
                        select b.id, b.category, b.assistance_type, b.household_id, b.start_month as start
                        from benefit b
                        where not b.one_off and benefit_months(b.start_month, b.end_month) && daterange(:start, null)
                          and ((:householdLevel and b.household_id = :household
                                and b.category in ('DIBAO', 'DIBAO_EDGE', 'RIGID_EXPENDITURE'))
                               or exists (select 1 from benefit_person bp where bp.benefit_id = b.id and bp.cash
                                          and bp.person_id = any (:persons)))
                        order by b.id
                        for update of b""")
                .param("start", Date.valueOf(start.atDay(1))).param("householdLevel", householdLevel)
                .param("household", household).param("persons", persons.toArray(Long[]::new))
                .query(Row.class).list();
        List<InForce> out = new ArrayList<>();
        for (Row r : rows) {
            Set<Long> covered = new HashSet<>(jdbc.sql("select person_id from benefit_person where benefit_id = :b")
                    .param("b", r.id()).query(Long.class).list());
            out.add(new InForce(r.id(), r.category(), r.assistanceType(), r.householdId(),
                    YearMonth.from(r.start().toLocalDate()), covered));
        }
        return out;
    }

    /**
     * Each benefit met becomes a transfer where the law wants a move, or the approval is refused naming
     * it. A move: 低保 → 特困 or 单人保 → 低保 of the household when the old benefit covers no one the new
     * ones leave out; 特困 分散 → 集中 (another care setting); a household's 低保 → 单人保 (the check found
     * the household no longer eligible, one member alone is); 低保边缘 or 刚性支出 → 低保.
     */
    static List<Transfer> decide(List<NewBenefit> news, List<InForce> met, YearMonth start) {
        NewBenefit first = news.get(0);
        Set<Long> newPersons = news.stream().flatMap(b -> b.covered().stream()).collect(Collectors.toSet());
        List<Transfer> transfers = new ArrayList<>();
        for (InForce old : met) {
            if (!moves(first, newPersons, old)) {
                throw DomainException.global("benefit.overlap", String.valueOf(old.id()),
                        cn.dibao.engine.Programme.valueOf(old.category()).label(), old.start().toString());
            }
            transfers.add(new Transfer(old, start));
        }
        return transfers;
    }

    private static boolean moves(NewBenefit to, Set<Long> newPersons, InForce old) {
        String from = old.category();
        boolean sameProgramme = from.equals(to.category()) && old.assistanceType().equals(to.assistanceType());
        if (sameProgramme) {
            return false; // already covered: 已纳入
        }
        if (from.equals("DIBAO_EDGE") || from.equals("RIGID_EXPENDITURE")) {
            return to.category().equals("DIBAO"); // a recognition gives way to 低保, never the reverse
        }
        if (!to.cash()) {
            return false; // a recognition for a household (or person) on a living benefit
        }
        if (to.category().equals("DIBAO_SINGLE") && from.equals("DIBAO") && old.householdId() == to.householdId()) {
            return true;
        }
        return newPersons.containsAll(old.persons());
    }

    /**
     * A benefit in force from {@code month} that an application of this type could never move from (a
     * new case after 已纳入, ADR 0026): the same type covering the applicant, or, for 低保边缘 and 刚性支出,
     * any household programme of the household.
     */
    java.util.Optional<InForce> duplicate(long householdId, long personId, String assistanceType, String programme,
                                          YearMonth month) {
        boolean recognition = programme.equals("DIBAO_EDGE") || programme.equals("RIGID_EXPENDITURE");
        return jdbc.sql("""
                        select b.id, b.category, b.assistance_type, b.household_id, b.start_month as start
                        from benefit b
                        where not b.one_off and benefit_months(b.start_month, b.end_month) && daterange(:month, null)
                          and ((b.assistance_type = :type and exists (select 1 from benefit_person bp
                                   where bp.benefit_id = b.id and bp.person_id = :person))
                               or (:recognition and b.household_id = :household
                                   and b.category in ('DIBAO', 'DIBAO_EDGE', 'RIGID_EXPENDITURE')))
                        order by b.id limit 1""")
                .param("month", Date.valueOf(month.atDay(1))).param("type", assistanceType).param("person", personId)
                .param("recognition", recognition).param("household", householdId)
                .query((rs, i) -> new InForce(rs.getLong("id"), rs.getString("category"),
                        rs.getString("assistance_type"), rs.getLong("household_id"),
                        YearMonth.from(rs.getDate("start").toLocalDate()), Set.of()))
                .optional();
    }

    /** The persons of a new benefit for its months; the constraint refuses a second living benefit. */
    void cover(long benefitId, NewBenefit b) {
        jdbc.sql("""
                        insert into benefit_person (benefit_id, person_id, cash, months)
                        select :b, p, :cash, benefit_months(bf.start_month, bf.end_month)
                        from unnest(:persons) p, benefit bf where bf.id = :b""")
                .param("b", benefitId).param("cash", b.cash()).param("persons", b.covered().toArray(Long[]::new))
                .update();
    }
}
