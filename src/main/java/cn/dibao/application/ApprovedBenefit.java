package cn.dibao.application;

import lombok.RequiredArgsConstructor;
import cn.dibao.benefit.NewBenefit;
import cn.dibao.common.error.DomainException;
import cn.dibao.eligibility.CheckReport;
import cn.dibao.eligibility.EligibilityCheckService;
import cn.dibao.engine.EligibilityResult.BenefitLine.Component;
import cn.dibao.engine.Programme;
import cn.dibao.household.HouseholdFile;
import cn.dibao.household.HouseholdService;
import cn.dibao.engine.Money;
import cn.dibao.standard.StandardService;
import cn.dibao.standard.StandardVersion;


import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;

/**
 * The benefit an approval opens, from the case and the stored check its 初审 used: the approved total
 * split into the check's components by their codes (补差 takes what the others leave), who is paid, and
 * what a later standard recalculates it from (ADR 0013). No label is read: the check's codes decide.
 */
@org.springframework.stereotype.Component
@RequiredArgsConstructor
class ApprovedBenefit {

    private final EligibilityCheckService checks;
    private final HouseholdService households;
    private final StandardService standards;

    /**
     * The benefits the approval opens, by the category decided (never the type asked for): 低保 one for
     * the household, paid to its head; 单人保 and 特困 one for each person covered, paid to him, with his
     * own components, care tier and basis, each rounded once by the local rule (ADR 0026).
     */
    List<NewBenefit> of(Application a, YearMonth start) {
        HouseholdFile household = households.file(a.getHouseholdId());
        CheckReport check = checks.get(a.getCheckId());
        if (a.getAssistanceType().oneOff()) {
            // what 先行救助 already paid is not paid again
            BigDecimal rest = a.getProposedAmount()
                    .subtract(Objects.requireNonNullElse(a.getUrgentAmount(), BigDecimal.ZERO)).max(BigDecimal.ZERO);
            return List.of(benefit(a, a.getApplicantPersonId(), List.of(a.getApplicantPersonId()),
                    NewBenefit.Amounts.gapOnly(rest), start, check, NewBenefit.Basis.NONE));
        }
        if (!check.hasCodes()) {
            throw DomainException.global("eligibility.check.noCodes", check.checkId());
        }
        CheckReport.ProgrammeReport p = check.programme(a.getProposedCategory());
        List<Long> persons = p.personIds().isEmpty() ? List.of(a.getApplicantPersonId()) : p.personIds();
        return switch (p.programme()) {
            case DIBAO_SINGLE, TEKUN -> persons.size() == 1
                    ? List.of(benefit(a, persons.get(0), persons, amounts(a.getProposedAmount(), p.components()), start,
                            check, basis(a, check, p, persons.get(0))))
                    : persons.stream().map(person -> benefit(a, person, List.of(person),
                            amounts(ownTotal(check, p, person), own(p, person)), start, check,
                            basis(a, check, p, person))).toList();
            default -> {
                Long head = household.headPersonId();
                long payee = head != null && household.members().stream().anyMatch(m -> m.personId() == head)
                        ? head : a.getApplicantPersonId();
                yield List.of(benefit(a, payee, persons, amounts(a.getProposedAmount(), p.components()), start, check,
                        basis(a, check, p, null)));
            }
        };
    }

    private static NewBenefit benefit(Application a, long payee, List<Long> covered, NewBenefit.Amounts amounts,
                                      YearMonth start, CheckReport check, NewBenefit.Basis basis) {
        String category = a.getAssistanceType().oneOff() ? Programme.TEMP_RELIEF.name() : a.getProposedCategory().name();
        return new NewBenefit(a.getId(), a.getHouseholdId(), payee, covered, a.getAreaCode(),
                a.getAssistanceType().name(), category, a.getAssistanceType().oneOff(), amounts, start, a.getCheckId(),
                check.standardId(), basis);
    }

    private static List<CheckReport.Component> own(CheckReport.ProgrammeReport p, long person) {
        return p.components().stream().filter(c -> c.personId() != null && c.personId() == person).toList();
    }

    /** One person's amount: his components, rounded once by the checked standard's rule, as the engine rounds. */
    private BigDecimal ownTotal(CheckReport check, CheckReport.ProgrammeReport p, long person) {
        BigDecimal exact = own(p, person).stream().map(CheckReport.Component::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        StandardVersion v = standards.version(check.standardId());
        return Money.roundBenefit(exact.movePointRight(6).longValueExact(), v.dibao().roundingRule(),
                v.dibao().minBenefit().movePointRight(2).longValueExact());
    }

    /** The approved total over the components by code; when the unrounded parts exceed it, all in 补差. */
    static NewBenefit.Amounts amounts(BigDecimal total, List<CheckReport.Component> components) {
        BigDecimal topUp = sum(components, Component.TOPUP);
        BigDecimal basic = sum(components, Component.BASIC);
        BigDecimal care = sum(components, Component.CARE);
        if (topUp.add(basic).add(care).compareTo(total) > 0) {
            return NewBenefit.Amounts.gapOnly(total);
        }
        return new NewBenefit.Amounts(total.subtract(topUp).subtract(basic).subtract(care), topUp, basic, care, total);
    }

    private static BigDecimal sum(List<CheckReport.Component> components, Component code) {
        return components.stream().filter(c -> c.code() == code).map(CheckReport.Component::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /**
     * What a new standard recalculates the benefit from (ADR 0013): counted members, net income, care
     * tier, and the 分类施保 groups of the persons covered (低保 and 单人保); for a person's own benefit
     * (单人保, 特困) one person, his own tier and groups.
     */
    private NewBenefit.Basis basis(Application a, CheckReport check, CheckReport.ProgrammeReport p, Long person) {
        return switch (p.programme()) {
            case DIBAO -> new NewBenefit.Basis(check.countedMembers(), check.netIncome().max(BigDecimal.ZERO), null,
                    checks.topUpGroups(a.getCheckId(), p.programme()));
            case DIBAO_SINGLE -> new NewBenefit.Basis(1, null, null,
                    checks.topUpGroups(a.getCheckId(), p.programme(), person));
            case TEKUN -> new NewBenefit.Basis(1, null, p.components().stream()
                    .filter(c -> c.code() == Component.CARE && (person == null || person.equals(c.personId())))
                    .map(CheckReport.Component::careTier).filter(Objects::nonNull).findFirst().orElse(null), null);
            default -> NewBenefit.Basis.NONE;
        };
    }

}
