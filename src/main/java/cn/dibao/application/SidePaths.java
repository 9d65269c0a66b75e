package cn.dibao.application;

import lombok.RequiredArgsConstructor;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static cn.dibao.application.ApplicationState.AWAITING_DECISION;
import static cn.dibao.application.ApplicationState.INVESTIGATING;
import static cn.dibao.application.ApplicationState.RETURNED;
import static cn.dibao.application.ApplicationState.TERMINATED;
import static cn.dibao.application.ApplicationState.WITHDRAWN;
import static cn.dibao.application.CaseInputs.limited;
import static cn.dibao.application.CaseInputs.reasonOf;

/** The side paths of a case: 退回补正, 撤回, 终止 and the one 延长 of the whole time limit. */
@Service
@Transactional
@RequiredArgsConstructor
class SidePaths {

    /** Column sizes narrower than what the inputs allow (V8__applications.sql). */
    private static final int CLOSED_REASON_MAX = 1000;
    private static final int EXTENSION_REASON_MAX = 500;

    private final CaseSteps steps;
    private final CaseDeadlines deadlines;

    /** 退回补正: something is missing; the case resumes where it was once supplemented. */
    void returnForSupplement(long id, ApplicationInput.Reason in) {
        String reason = reasonOf(in);
        CaseSteps.Step s = steps.begin(CaseAction.RETURN, id);
        Application a = s.a();
        boolean fromDecision = a.getState() == AWAITING_DECISION;
        if (fromDecision) {
            // the decision step ends here; a new 初审 (and 公示) follows in the next round
            a.setStepDue(null);
            a.setRound((short) (a.getRound() + 1));
        }
        a.setReturnedFrom(fromDecision ? INVESTIGATING : a.getState());
        steps.transition(s, RETURNED, reason);
    }

    /** 撤回: the applicant withdraws. */
    void withdraw(long id, ApplicationInput.Reason in) {
        String reason = reasonOf(in);
        close(steps.begin(CaseAction.WITHDRAW, id), reason, WITHDRAWN);
    }

    /** 终止: the case cannot go on (death, refusal to cooperate with the investigation…). */
    void terminate(long id, ApplicationInput.Reason in) {
        String reason = reasonOf(in);
        close(steps.begin(CaseAction.TERMINATE, id), reason, TERMINATED);
    }

    private void close(CaseSteps.Step s, String reason, ApplicationState to) {
        s.a().setClosedReason(limited("reason", reason, CLOSED_REASON_MAX));
        s.a().setStepDue(null);
        steps.transition(s, to, reason);
    }

    /** Special cases: the whole limit is extended once (低保 30 → 45 working days by default), with a reason. */
    void extend(long id, ApplicationInput.Reason in) {
        String reason = reasonOf(in);
        CaseSteps.Step s = steps.begin(CaseAction.EXTEND, id);
        Application a = s.a();
        a.setExtended(true);
        a.setExtensionReason(limited("reason", reason, EXTENSION_REASON_MAX));
        a.setTotalDue(deadlines.totalDue(a, deadlines.procedureOf(a)));
        steps.note(s, reason);
    }
}
