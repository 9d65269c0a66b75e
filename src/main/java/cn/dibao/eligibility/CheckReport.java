package cn.dibao.eligibility;

import cn.dibao.engine.CareTier;
import cn.dibao.engine.EligibilityResult;
import cn.dibao.engine.EligibilityResult.BenefitLine;
import cn.dibao.engine.Money;
import cn.dibao.engine.Programme;
import cn.dibao.engine.RuleOutcome;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;

/**
 * An eligibility check as staff, applicants and other systems read it: every rule as a zh-CN
 * sentence with its outcome, the income computation line by line, the benefit components, and
 * the standard version used. This is what is stored (immutable) and returned by the API.
 */
public record CheckReport(Long checkId, Long householdId, String areaCode, YearMonth month, String careSetting,
                          long standardId, String standardLabel, int countedMembers, BigDecimal grossIncome,
                          BigDecimal deductions, BigDecimal netIncome, BigDecimal perCapitaIncome,
                          List<Line> incomeLines, List<Rule> propertyRules, List<ProgrammeReport> programmes,
                          Programme category, String categoryLabel, BigDecimal monthlyTotal, Instant checkedAt,
                          String checkedBy, List<Absence> absent, String verdict) {

    /** Checks stored before ADR 0022 have no absences: read them as none. */
    public CheckReport {
        absent = absent == null ? List.of() : List.copyOf(absent);
    }

    /**
     * A person of the file the month does not count (ADR 0022): joined after the month, left on or
     * before its last day, or living there but not counted ({@code reason} is the NotCountedReason code).
     * {@code relation} is the Relation code (null in a preview).
     */
    public record Absence(Long personId, String name, String relation, Kind kind, java.time.LocalDate on,
                          String reason, String note) {

        /**
         * COUNTED_BY_OVERRIDE (ADR 0016): a person with a §4.1 flag ({@code reason}) whom the caseworker counts,
         * {@code note} his reason. He is counted: listed so the report says why, not a reason for the verdict.
         */
        public enum Kind { JOINED_LATER, LEFT, NOT_COUNTED, COUNTED_BY_OVERRIDE }

        public Absence(Long personId, String name, String relation, Kind kind, java.time.LocalDate on,
                       String reason) {
            this(personId, name, relation, kind, on, reason, null);
        }

        /** Whether the month leaves him out (the override is listed but counted). */
        public boolean leftOut() {
            return kind != Kind.COUNTED_BY_OVERRIDE;
        }
    }

    /**
     * An income line; {@code reason} the item's exclusion category, {@code detail} the averaging over the 收入计算期
     * and the exclusion per programme in words (ADR 0020, 0021; null in checks stored before).
     */
    public record Line(String person, String item, BigDecimal amount, String status, String note, String reason,
                       String detail) {
    }

    public record Rule(String code, boolean passed, String text) {
    }

    /**
     * A benefit component: {@code component} and {@code person} are the label and name shown to people;
     * {@code code}, {@code personId} and {@code careTier} are what approval reads. Checks stored before
     * the codes existed have them null ({@link #hasCodes()}); {@link EligibilityCheckService#get} then
     * re-derives them from the stored input (ADR 0015).
     */
    public record Component(String person, String component, BigDecimal amount, BenefitLine.Component code,
                            Long personId, CareTier careTier) {
    }

    /** {@code persons} are names for display; {@code personIds} the same persons by id (null in old checks). */
    public record ProgrammeReport(Programme programme, String label, boolean eligible, List<Rule> rules,
                                  List<Component> components, BigDecimal amount, List<String> persons,
                                  List<Long> personIds) {

        boolean hasCodes() {
            return personIds != null && components.stream().allMatch(c -> c.code() != null);
        }
    }

    /** The category label of a household that qualifies for nothing, as stored in the report. */
    static final String NO_CATEGORY = "不符合各项救助条件";

    static CheckReport of(Long checkId, Long householdId, String careSetting, EligibilityResult r, Instant at,
                          String by, String areaCode) {
        return new CheckReport(checkId, householdId, areaCode, r.month(), careSetting, r.standardId(), r.standardLabel(),
                r.countedMembers(), yuan(r.grossIncome()), yuan(r.deductions()), yuan(r.netIncome()),
                r.perCapitaIncome(),
                r.incomeLines().stream().map(l -> new Line(l.person(), l.item(), yuan(l.amount()), l.status().name(),
                        l.note(), l.reason(), l.detail())).toList(),
                r.propertyRules().stream().map(CheckReport::rule).toList(),
                r.programmes().stream().map(p -> new ProgrammeReport(p.programme(), p.programme().label(), p.eligible(),
                        p.rules().stream().map(CheckReport::rule).toList(),
                        p.benefitLines().stream().map(b -> new Component(b.person(), b.label(), yuan(b.amount()),
                                b.component(), b.personId(), b.careTier())).toList(), p.amount(), p.persons(),
                        p.personIds())).toList(),
                r.category(), r.category() == null ? NO_CATEGORY : r.category().label(), r.monthlyTotal(), at,
                by, List.of(), null);
    }

    CheckReport withId(long id) {
        return new CheckReport(id, householdId, areaCode, month, careSetting, standardId, standardLabel, countedMembers,
                grossIncome, deductions, netIncome, perCapitaIncome, incomeLines, propertyRules, programmes, category,
                categoryLabel, monthlyTotal, checkedAt, checkedBy, absent, verdict);
    }

    /** The same report with the persons not counted and the one-line reason (ADR 0022). */
    CheckReport withVerdict(List<Absence> absent, String verdict) {
        return new CheckReport(checkId, householdId, areaCode, month, careSetting, standardId, standardLabel,
                countedMembers, grossIncome, deductions, netIncome, perCapitaIncome, incomeLines, propertyRules,
                programmes, category, categoryLabel, monthlyTotal, checkedAt, checkedBy, absent, verdict);
    }

    /** False for a check stored before components and persons carried codes and ids. */
    public boolean hasCodes() {
        return programmes.stream().allMatch(ProgrammeReport::hasCodes);
    }

    /**
     * The same decision figures as {@code other}: category, monthly total, and per programme the
     * outcome, amount, persons and each component's person and amount (labels and codes aside).
     */
    boolean sameFigures(CheckReport other) {
        if (category != other.category || monthlyTotal.compareTo(other.monthlyTotal) != 0
                || programmes.size() != other.programmes.size()) {
            return false;
        }
        for (ProgrammeReport p : programmes) {
            ProgrammeReport q = other.programme(p.programme());
            if (p.eligible() != q.eligible() || p.amount().compareTo(q.amount()) != 0
                    || !p.persons().equals(q.persons()) || p.components().size() != q.components().size()) {
                return false;
            }
            for (int i = 0; i < p.components().size(); i++) {
                Component c = p.components().get(i);
                Component d = q.components().get(i);
                if (!java.util.Objects.equals(c.person(), d.person()) || c.amount().compareTo(d.amount()) != 0) {
                    return false;
                }
            }
        }
        return true;
    }

    public ProgrammeReport programme(Programme p) {
        return programmes.stream().filter(x -> x.programme() == p).findFirst().orElseThrow();
    }

    private static Rule rule(RuleOutcome o) {
        return new Rule(o.code().name(), o.passed(), o.text());
    }

    /** Micro-yuan to yuan for display, half up to the fen (amounts decided by the engine are already exact). */
    private static BigDecimal yuan(long micro) {
        return Money.toYuan(micro).setScale(2, RoundingMode.HALF_UP);
    }
}
