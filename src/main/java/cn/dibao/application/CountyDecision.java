package cn.dibao.application;

import lombok.RequiredArgsConstructor;
import cn.dibao.benefit.BenefitService;
import cn.dibao.common.error.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.LocalDate;
import java.time.YearMonth;

import static cn.dibao.application.ApplicationState.APPROVED;
import static cn.dibao.application.ApplicationState.AWAITING_DECISION;
import static cn.dibao.application.ApplicationState.ENROLLED;
import static cn.dibao.application.ApplicationState.REFUSED;
import static cn.dibao.application.CaseInputs.blankToNull;
import static cn.dibao.application.CaseInputs.reasonOf;

/**
 * 审核确认 (domain-rules §3.5, §2.3): complaints that make the county's visit mandatory, the decision with
 * four-eyes (approval opens the benefit in the same transaction), the notice's delivery, and the county's
 * later check of a delegated decision.
 */
@Service
@Transactional
@RequiredArgsConstructor
class CountyDecision {

    private final CaseSteps steps;
    private final CaseDeadlines deadlines;
    private final TempReliefGrants grants;
    private final ApprovedBenefit approvedBenefit;
    private final BenefitService benefits;

    /** A complaint or report during the case: the county must visit before deciding. */
    void recordComplaint(long id, ApplicationInput.Reason in) {
        String reason = reasonOf(in);
        CaseSteps.Step s = steps.begin(CaseAction.COMPLAINT, id);
        s.a().setComplaint(true);
        if (s.a().getState() == AWAITING_DECISION) {
            s.a().setVisitRequired(true);
        }
        steps.note(s, reason);
    }

    void approve(long id, ApplicationInput.Approve in) {
        CaseSteps.Step s = steps.begin(CaseAction.APPROVE, id);
        Application a = s.a();
        if (a.getProposedCategory() == null) {
            throw DomainException.global("application.approve.notProposed");
        }
        if (a.isVisitRequired() && a.getVisitDoneOn() == null) {
            throw DomainException.global("application.approve.visitMissing");
        }
        LocalDate today = steps.today();
        if (a.getAssistanceType().oneOff()) {
            grants.checkDecision(a, today, deadlines.settingsOf(a));
        }
        decided(s, Decision.APPROVED, blankToNull(in.comment()));
        a.setStepDue(null);
        if (a.townshipDecides()) {
            // delegated flow: the county checks a share of the township's decisions afterwards
            a.setPostCheckRequired(deadlines.postCheckDrawn(a));
        }
        benefits.open(approvedBenefit.of(a, YearMonth.from(today).plusMonths(1)));
        steps.transition(s, APPROVED, blankToNull(in.comment()));
    }

    void refuse(long id, ApplicationInput.Reason in) {
        String reason = reasonOf(in);
        CaseSteps.Step s = steps.begin(CaseAction.REFUSE, id);
        Application a = s.a();
        decided(s, Decision.REFUSED, reason);
        a.setNoticeDue(deadlines.calendar().addWorkingDays(steps.today(), deadlines.procedureOf(a).refusalNoticeWd()));
        a.setStepDue(a.getNoticeDue());
        steps.transition(s, REFUSED, reason);
    }

    private void decided(CaseSteps.Step s, Decision decision, String reason) {
        s.a().setDecision(decision);
        s.a().setDecidedOn(steps.today());
        s.a().setDecidedBy(s.me().getUsername());
        s.a().setDecisionReason(reason);
    }

    /** The written notice was delivered: an approved case is enrolled (已纳入). */
    void deliverNotice(long id, ApplicationInput.Delivery in) {
        CaseSteps.Step s = steps.begin(CaseAction.DELIVER_NOTICE, id);
        Application a = s.a();
        steps.notFuture("deliveredOn", in.deliveredOn());
        if (in.deliveredOn().isBefore(a.getDecidedOn())) {
            throw new DomainException("deliveredOn", "application.date.beforeDecision");
        }
        a.setNoticeDeliveredOn(in.deliveredOn());
        a.setStepDue(null);
        if (s.row().unchanged()) {
            steps.note(s, in.deliveredOn().toString());
        } else {
            steps.transition(s, ENROLLED, null);
        }
    }

    /** Delegated flow: the county's later check of a township decision. */
    void recordPostCheck(long id, ApplicationInput.Reason in) {
        String reason = reasonOf(in);
        CaseSteps.Step s = steps.begin(CaseAction.POST_CHECK, id);
        s.a().setPostCheckDoneOn(steps.today());
        steps.note(s, reason);
    }
}
