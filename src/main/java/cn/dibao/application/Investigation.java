package cn.dibao.application;

import lombok.RequiredArgsConstructor;
import cn.dibao.common.error.DomainException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Arrays;
import java.util.List;

import static cn.dibao.application.ApplicationState.INVESTIGATING;
import static cn.dibao.application.ApplicationState.TOWNSHIP_REVIEW;

/**
 * 调查 (domain-rules §3.2): 入户调查 by two investigators, 邻里访问, and 信息核对 by the county's 核对机构;
 * the county's own visit before the decision is recorded here too.
 */
@Service
@Transactional
@RequiredArgsConstructor
class Investigation {

    /** home_visit.investigators is varchar(60)[]: one long name would otherwise fail in the database. */
    private static final int INVESTIGATOR_NAME_MAX = 60;

    private final CaseSteps steps;
    private final CaseRecords records;
    private final CaseDeadlines deadlines;

    /** The investigation starts; the step is then due by the township's own limit of its programme, if any. */
    void startInvestigation(long id) {
        CaseSteps.Step s = steps.begin(CaseAction.START_INVESTIGATION, id);
        s.a().setStepDue(deadlines.townshipDue(s.a()));
        steps.transition(s, INVESTIGATING, null);
    }

    /** 入户调查 by the township (while investigating) or the county's visit (awaiting the decision, or a post-check). */
    void recordHomeVisit(long id, ApplicationInput.HomeVisit in) {
        List<String> investigators = Arrays.stream(in.investigators().split("[,，、;；\\s]+"))
                .map(String::trim).filter(n -> !n.isEmpty()).distinct().toList();
        if (investigators.size() < 2) {
            throw new DomainException("investigators", "application.investigators.two");
        }
        if (investigators.stream().anyMatch(n -> n.codePointCount(0, n.length()) > INVESTIGATOR_NAME_MAX)) {
            throw new DomainException("investigators", "application.investigators.nameTooLong",
                    String.valueOf(INVESTIGATOR_NAME_MAX));
        }
        steps.notFuture("visitedOn", in.visitedOn());
        CaseSteps.Step s = steps.begin(CaseAction.HOME_VISIT, id);
        Application a = s.a();
        if (in.visitedOn().isBefore(a.getReceivedOn())) {
            throw new DomainException("visitedOn", "application.date.beforeReceived");
        }
        boolean county = s.row().code() == TimelineCode.COUNTY_VISIT;
        String kind = county ? "COUNTY" : "TOWNSHIP";
        String by = s.me().getUsername();
        records.addHomeVisit(a.getId(), kind, new ApplicationView.HomeVisit(kind, in.visitedOn(), investigators,
                in.findings().trim(), Boolean.TRUE.equals(in.applicantSigned()),
                Boolean.TRUE.equals(in.investigatorsSigned()), by), by);
        if (county) {
            if (a.getState() == ApplicationState.AWAITING_DECISION) {
                a.setVisitDoneOn(in.visitedOn());
            } else {
                a.setPostCheckDoneOn(in.visitedOn());
            }
        }
        steps.note(s, steps.text("application.timeline.visit", in.visitedOn(), String.join("、", investigators)));
    }

    void recordInterview(long id, ApplicationInput.Interview in) {
        CaseSteps.Step s = steps.begin(CaseAction.INTERVIEW, id);
        steps.notFuture("interviewedOn", in.interviewedOn());
        if (in.interviewedOn().isBefore(s.a().getReceivedOn())) {
            throw new DomainException("interviewedOn", "application.date.beforeReceived");
        }
        records.addInterview(s.a().getId(), new ApplicationView.Interview(in.interviewedOn(), in.interviewee().trim(),
                in.notes().trim(), s.me().getUsername()), s.me().getUsername());
        steps.note(s, in.interviewedOn() + " " + in.interviewee().trim());
    }

    /** 信息核对: the township asks the county's 核对机构. */
    void requestVerification(long id) {
        CaseSteps.Step s = steps.begin(CaseAction.REQUEST_VERIFICATION, id);
        if (records.hasOpenVerification(s.a().getId())) {
            throw DomainException.global("application.verification.open");
        }
        records.requestVerification(s.a().getId(), steps.today(), s.me().getUsername());
        steps.note(s, null);
    }

    /** The 核对 result, entered by the township or the county. */
    void recordVerificationResult(long id, ApplicationInput.VerificationResult in) {
        CaseSteps.Step s = steps.begin(CaseAction.VERIFICATION_RESULT, id);
        if (!records.recordVerification(s.a().getId(), steps.today(), in.outcome().name(), in.result().trim(),
                s.me().getUsername())) {
            throw DomainException.global("application.verification.none");
        }
        steps.note(s, in.outcome() == ApplicationInput.VerificationOutcome.CONSISTENT
                ? steps.text("application.timeline.verification.consistent")
                : steps.text("application.timeline.verification.discrepancy", in.result().trim()));
    }

    /** Investigation done: at least one 入户调查 and a 核对 result are required (逢进必核). */
    void submitInvestigation(long id) {
        CaseSteps.Step s = steps.begin(CaseAction.SUBMIT_INVESTIGATION, id);
        if (!records.hasTownshipVisit(s.a().getId())) {
            throw DomainException.global("application.investigation.visitMissing");
        }
        if (!records.hasVerificationResult(s.a().getId())) {
            throw DomainException.global("application.investigation.verificationMissing");
        }
        steps.transition(s, TOWNSHIP_REVIEW, null);
    }
}
