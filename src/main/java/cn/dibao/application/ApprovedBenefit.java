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

    NewBenefit of(Application a, YearMonth start) {
        HouseholdFile household = households.file(a.getHouseholdId());
        boolean individual = a.getAssistanceType() == AssistanceType.DIBAO_SINGLE
                || a.getAssistanceType().programme() == Programme.TEKUN;
        Long payee = individual ? a.getApplicantPersonId() : household.headPersonId();
        if (payee == null) {
            payee = a.getApplicantPersonId();
        }
        CheckReport check = checks.get(a.getCheckId());
        NewBenefit.Amounts amounts;
        NewBenefit.Basis basis;
        if (a.getAssistanceType().oneOff()) {
            // what 先行救助 already paid is not paid again
            BigDecimal rest = a.getProposedAmount()
                    .subtract(Objects.requireNonNullElse(a.getUrgentAmount(), BigDecimal.ZERO)).max(BigDecimal.ZERO);
            amounts = NewBenefit.Amounts.gapOnly(rest);
            basis = NewBenefit.Basis.NONE;
        } else {
            if (!check.hasCodes()) {
                throw DomainException.global("eligibility.check.noCodes", check.checkId());
            }
            CheckReport.ProgrammeReport p = check.programme(a.getProposedCategory());
            amounts = amounts(a.getProposedAmount(), p.components());
            basis = basis(a, check, p);
        }
        return new NewBenefit(a.getId(), a.getHouseholdId(), payee, a.getAreaCode(), a.getAssistanceType().name(),
                a.getProposedCategory().name(), a.getAssistanceType().oneOff(), amounts, start, a.getCheckId(),
                check.standardId(), basis);
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
     * tier, and the 分类施保 groups of the persons covered (低保 and 单人保).
     */
    private NewBenefit.Basis basis(Application a, CheckReport check, CheckReport.ProgrammeReport p) {
        return switch (p.programme()) {
            case DIBAO -> new NewBenefit.Basis(check.countedMembers(), check.netIncome().max(BigDecimal.ZERO), null,
                    checks.topUpGroups(a.getCheckId(), p.programme()));
            case DIBAO_SINGLE -> new NewBenefit.Basis(Math.max(1, p.personIds().size()), null, null,
                    checks.topUpGroups(a.getCheckId(), p.programme()));
            case TEKUN -> new NewBenefit.Basis(1, null, p.components().stream()
                    .filter(c -> c.code() == Component.CARE).map(CheckReport.Component::careTier)
                    .filter(Objects::nonNull).findFirst().orElse(null), null);
            default -> NewBenefit.Basis.NONE;
        };
    }

}
