package cn.dibao.application;

import lombok.RequiredArgsConstructor;
import cn.dibao.common.error.DomainException;
import cn.dibao.household.HouseholdService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.math.BigDecimal;

/**
 * 先行救助 (临时救助, 急难型, domain-rules §5.3): the township pays at once from its stand-by fund, up to its
 * limit (k × the monthly standard of the household); the paperwork is completed afterwards.
 */
@Service
@Transactional
@RequiredArgsConstructor
class AdvanceRelief {

    private final CaseSteps steps;
    private final CaseDeadlines deadlines;
    private final MaterialRequirements materials;
    private final ReliefFunds funds;
    private final HouseholdService households;

    void grant(long id, ApplicationInput.UrgentGrant in) {
        CaseSteps.Step s = steps.begin(CaseAction.GRANT_URGENT, id);
        Application a = s.a();
        if (in.amount() == null || in.amount().signum() <= 0) {
            throw new DomainException("amount", "application.amount.positive");
        }
        if (in.amount().scale() > 2) {
            throw new DomainException("amount", "standard.decimal.format");
        }
        BigDecimal limit = townshipLimit(a);
        if (in.amount().compareTo(limit) > 0) {
            throw new DomainException("amount", "application.urgent.overLimit", limit.toPlainString());
        }
        BigDecimal balance = funds.grant(a.townshipCode(), a.getId(), in.amount(), in.reason().trim(),
                s.me().getUsername());
        a.setUrgentAmount(in.amount());
        a.setUrgentPaidOn(steps.today());
        a.setPaperworkDue(deadlines.calendar().addWorkingDays(steps.today(),
                deadlines.settingsOf(a).procedure().urgentPaperworkWd()));
        steps.note(s, steps.text("application.timeline.urgentGrant", in.amount().toPlainString(),
                balance.toPlainString(), in.reason().trim()));
    }

    /** The paperwork of a 先行救助 is complete: materials, 承诺书 and 授权书 in. */
    void completePaperwork(long id) {
        CaseSteps.Step s = steps.begin(CaseAction.COMPLETE_PAPERWORK, id);
        materials.requireComplete(s.a(), null);
        s.a().setPaperworkDoneOn(steps.today());
        steps.note(s, null);
    }

    private BigDecimal townshipLimit(Application a) {
        return TempReliefGrants.townshipLimit(deadlines.settingsOf(a), households.file(a.getHouseholdId()).countedMembers());
    }
}
