package cn.dibao.eligibility;

import cn.dibao.engine.EligibilityResult;
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
                          String checkedBy) {

    public record Line(String person, String item, BigDecimal amount, String status, String note) {
    }

    public record Rule(String code, boolean passed, String text) {
    }

    public record Component(String person, String component, BigDecimal amount) {
    }

    public record ProgrammeReport(Programme programme, String label, boolean eligible, List<Rule> rules,
                                  List<Component> components, BigDecimal amount, List<String> persons) {
    }

    static CheckReport of(Long checkId, Long householdId, String careSetting, EligibilityResult r, Instant at,
                          String by, String areaCode) {
        return new CheckReport(checkId, householdId, areaCode, r.month(), careSetting, r.standardId(), r.standardLabel(),
                r.countedMembers(), yuan(r.grossIncome()), yuan(r.deductions()), yuan(r.netIncome()),
                r.perCapitaIncome(),
                r.incomeLines().stream().map(l -> new Line(l.person(), l.item(), yuan(l.amount()), l.status().name(),
                        l.note())).toList(),
                r.propertyRules().stream().map(CheckReport::rule).toList(),
                r.programmes().stream().map(p -> new ProgrammeReport(p.programme(), p.programme().label(), p.eligible(),
                        p.rules().stream().map(CheckReport::rule).toList(),
                        p.benefitLines().stream().map(b -> new Component(b.person(), b.component(), yuan(b.amount())))
                                .toList(), p.amount(), p.persons())).toList(),
                r.category(), r.category() == null ? "不符合各项救助条件" : r.category().label(), r.monthlyTotal(), at,
                by);
    }

    CheckReport withId(long id) {
        return new CheckReport(id, householdId, areaCode, month, careSetting, standardId, standardLabel, countedMembers,
                grossIncome, deductions, netIncome, perCapitaIncome, incomeLines, propertyRules, programmes, category,
                categoryLabel, monthlyTotal, checkedAt, checkedBy);
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
