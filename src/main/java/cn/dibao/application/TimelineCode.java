package cn.dibao.application;

import java.util.Arrays;
import java.util.List;

/**
 * What a line of the case timeline records ({@code application_event.action}); its label is the message
 * {@code application.event.<CODE>}. The codes of intake and investigation are the ones whose authors may
 * not decide the case (four-eyes).
 */
public enum TimelineCode {
    ACCEPT(true), SUPPLEMENT(false), START_INVESTIGATION(true), HOME_VISIT(true), COUNTY_VISIT(false),
    NEIGHBOUR_INTERVIEW(true), VERIFICATION_REQUESTED(true), VERIFICATION_RESULT(true), SUBMIT_INVESTIGATION(true),
    TOWNSHIP_REVIEW(true), OBJECTION(false), PUBLICITY_CLOSED(false), COMPLAINT(false), APPROVE(false),
    REFUSE(false), NOTICE_DELIVERED(false), RETURN(false), WITHDRAW(false), TERMINATE(false), EXTEND(false),
    URGENT_GRANT(false), PAPERWORK_DONE(false), POST_CHECK(false), DOCUMENT(false);

    private final boolean intakeOrInvestigation;

    TimelineCode(boolean intakeOrInvestigation) {
        this.intakeOrInvestigation = intakeOrInvestigation;
    }

    /** The codes whose authors took part in accepting, investigating or the 初审 of a case. */
    static List<TimelineCode> intakeOrInvestigation() {
        return Arrays.stream(values()).filter(c -> c.intakeOrInvestigation).toList();
    }
}
