package cn.dibao.eligibility;

import cn.dibao.engine.HouseholdSnapshot;
import cn.dibao.engine.HouseholdSnapshot.Asset;
import cn.dibao.engine.HouseholdSnapshot.ChildChoice;
import cn.dibao.engine.HouseholdSnapshot.ChildStatus;
import cn.dibao.engine.HouseholdSnapshot.AssetKind;
import cn.dibao.engine.HouseholdSnapshot.Deduction;
import cn.dibao.engine.HouseholdSnapshot.DeductionKind;
import cn.dibao.engine.HouseholdSnapshot.Expense;
import cn.dibao.engine.HouseholdSnapshot.Income;
import cn.dibao.engine.HouseholdSnapshot.IncomeKind;
import cn.dibao.engine.HouseholdSnapshot.Labour;
import cn.dibao.engine.HouseholdSnapshot.Member;
import cn.dibao.engine.HouseholdSnapshot.Obligor;
import cn.dibao.engine.HouseholdSnapshot.ObligorAbility;
import cn.dibao.engine.HouseholdSnapshot.Schooling;
import cn.dibao.engine.HouseholdSnapshot.SelfCare;
import cn.dibao.household.HouseholdFile;
import cn.dibao.household.HukouType;
import cn.dibao.household.StudentLevel;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The household "as of month M" (ADR 0006, 0022): the members living together on the last day of M,
 * income whose period overlaps the 收入计算期 ending with M (ADR 0020), deductions and assets whose period overlaps M, rigid expenses of the 12 months before M,
 * ages on the first day of M, and the 赡养费 the household's obligors pay (transfer income). This is the
 * only place that knows both the registry and the engine.
 */
final class SnapshotFactory {

    private SnapshotFactory() {
    }

    /**
     * The household as of {@code month}, with each income item in force in some month of the 收入计算期 of
     * {@code referenceMonths} months ending with it, and in how many of them (ADR 0020).
     */
    static HouseholdSnapshot of(HouseholdFile f, YearMonth month, int referenceMonths) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        YearMonth periodStart = month.minusMonths(referenceMonths - 1L);
        List<Member> members = new ArrayList<>();
        Stream.concat(f.members().stream(), f.formerMembers().stream())
                .filter(m -> livesThere(m, last))
                .forEach(m -> members.add(new Member(m.personId(), m.name(), Period.between(m.birthDate(), first).getYears(),
                        m.countedInChecks(), m.countingReason() == null ? null : m.countingReason().name(),
                        m.disabilityCategory() == null ? null : m.disabilityCategory().intValue(),
                        m.disabilityGrade() == null ? null : m.disabilityGrade().intValue(),
                        m.selfCareTier() == null ? null : SelfCare.valueOf(m.selfCareTier().name()), m.seriousIllness(),
                        Labour.valueOf(m.labourAbility().name()), schooling(m.studentLevel()), m.relation().name(),
                        m.employment() == null ? null : HouseholdSnapshot.Employment.valueOf(m.employment().name()),
                        m.childStatus() == null ? null : ChildStatus.valueOf(m.childStatus().name()),
                        m.childProgramme() == null ? null : ChildChoice.valueOf(m.childProgramme().name()))));
        List<Income> incomes = f.incomes().stream()
                .filter(i -> overlaps(i.periodFrom(), i.periodTo(), periodStart.atDay(1), last))
                .map(i -> new Income(i.personId(), IncomeKind.valueOf(i.category().name()),
                        i.description() == null ? i.category().name() : i.description(), fen(i.monthlyAmount()),
                        i.exclusionReason() != null, i.exclusionReason() == null ? null : i.exclusionReason().name(),
                        monthsInForce(i.periodFrom(), i.periodTo(), periodStart, month)))
                .toList();
        List<Deduction> deductions = f.deductions().stream()
                .filter(d -> overlaps(d.periodFrom(), d.periodTo(), first, last))
                .map(d -> new Deduction(d.personId(), DeductionKind.valueOf(d.type().name()), fen(d.monthlyAmount())))
                .toList();
        List<Asset> assets = f.assets().stream()
                .filter(a -> overlaps(a.periodFrom(), a.periodTo(), first, last))
                .map(a -> new Asset(AssetKind.valueOf(a.type().name()), fen(a.value()), a.quantity(),
                        a.floorArea() == null ? 0 : fen(a.floorArea()), a.exempt(), a.personId(), a.acquiredOn()))
                .toList();
        LocalDate yearBefore = first.minusMonths(12);
        List<Expense> expenses = f.expenses().stream()
                .filter(e -> !e.incurredOn().isBefore(yearBefore) && e.incurredOn().isBefore(first))
                .map(e -> new Expense(e.type().name(), fen(e.amount())))
                .toList();
        List<Obligor> obligors = f.obligors().stream()
                .map(o -> new Obligor(o.supportedPersonId(), ObligorAbility.valueOf(o.ableToSupport().name()), o.name(),
                        o.birthDate() == null ? null : Period.between(o.birthDate(), first).getYears(),
                        o.monthlyIncome() == null ? null : fen(o.monthlyIncome()),
                        o.disabilityCategory() == null ? null : o.disabilityCategory().intValue(),
                        o.disabilityGrade() == null ? null : o.disabilityGrade().intValue(), o.status().name(),
                        o.propertyWithinLimits(), o.overrideReason(),
                        o.monthlySupport() == null ? 0 : fen(o.monthlySupport())))
                .toList();
        return new HouseholdSnapshot(month, f.areaCode(), f.hukouType() == HukouType.URBAN, members, incomes,
                deductions, assets, expenses, obligors);
    }

    /** The membership rule (ADR 0022): living together on the month's last day. */
    static boolean livesThere(HouseholdFile.Member m, LocalDate last) {
        return !m.joinedOn().isAfter(last) && (m.leftOn() == null || m.leftOn().isAfter(last));
    }

    /**
     * The persons of the file the month does not count, each with why: joined after the month's
     * last day, left on or before it (during the month or the one before it), or living there but
     * not counted (by a §4.1 flag of the person or the caseworker's decision, ADR 0016). Members who left
     * earlier than the month before are not listed. A flagged person counted by the caseworker's override is
     * listed too, with the override's reason, so the report says why he counts.
     */
    static List<CheckReport.Absence> absences(HouseholdFile f, YearMonth month) {
        LocalDate first = month.atDay(1);
        LocalDate last = month.atEndOfMonth();
        List<CheckReport.Absence> out = new ArrayList<>();
        Stream.concat(f.members().stream(), f.formerMembers().stream()).forEach(m -> {
            String relation = m.relation() == null ? null : m.relation().name();
            if (m.joinedOn().isAfter(last)) {
                out.add(new CheckReport.Absence(m.personId(), m.name(), relation, CheckReport.Absence.Kind.JOINED_LATER,
                        m.joinedOn(), null));
            } else if (m.leftOn() != null && !m.leftOn().isAfter(last)) {
                if (!m.leftOn().isBefore(first.minusMonths(1))) {
                    out.add(new CheckReport.Absence(m.personId(), m.name(), relation, CheckReport.Absence.Kind.LEFT,
                            m.leftOn(), null));
                }
            } else if (!m.countedInChecks()) {
                out.add(new CheckReport.Absence(m.personId(), m.name(), relation, CheckReport.Absence.Kind.NOT_COUNTED,
                        null, m.countingReason() == null ? null : m.countingReason().name()));
            } else if (m.countedByOverride()) {
                out.add(new CheckReport.Absence(m.personId(), m.name(), relation,
                        CheckReport.Absence.Kind.COUNTED_BY_OVERRIDE, null, m.flag().name(), m.countOverrideReason()));
            }
        });
        return out;
    }

    /**
     * The months from {@code start} to {@code end} in which an item of the period from–to is in force (it
     * overlaps the month by at least a day), as the month facts count them.
     */
    static int monthsInForce(LocalDate from, LocalDate to, YearMonth start, YearMonth end) {
        YearMonth a = YearMonth.from(from).isAfter(start) ? YearMonth.from(from) : start;
        YearMonth b = to == null || YearMonth.from(to).isAfter(end) ? end : YearMonth.from(to);
        return b.isBefore(a) ? 0 : (int) a.until(b, java.time.temporal.ChronoUnit.MONTHS) + 1;
    }

    static boolean overlaps(LocalDate from, LocalDate to, LocalDate first, LocalDate last) {
        return !from.isAfter(last) && (to == null || !to.isBefore(first));
    }

    /** Yuan with two decimals → fen, exactly (the database keeps 2 decimals). */
    static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).longValueExact();
    }

    static Schooling schooling(StudentLevel level) {
        return switch (level) {
            case NONE, PRESCHOOL -> Schooling.NONE;
            case PRIMARY, JUNIOR -> Schooling.COMPULSORY;
            case SENIOR -> Schooling.SENIOR;
            case VOCATIONAL -> Schooling.VOCATIONAL;
            case UNDERGRADUATE -> Schooling.UNDERGRADUATE;
            case POSTGRADUATE -> Schooling.POSTGRADUATE;
        };
    }
}
