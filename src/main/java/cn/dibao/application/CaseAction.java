package cn.dibao.application;

/**
 * What staff can do to a case: one value per operation of the workflow. Which action is allowed in which
 * state, by whom and where it leads is declared once, in {@link CaseWorkflow}.
 */
public enum CaseAction {
    ACCEPT, SUPPLEMENT, START_INVESTIGATION, HOME_VISIT, INTERVIEW, REQUEST_VERIFICATION, VERIFICATION_RESULT,
    SUBMIT_INVESTIGATION, TOWNSHIP_REVIEW, OBJECTION, CLOSE_PUBLICITY, COMPLAINT, APPROVE, REFUSE, DELIVER_NOTICE,
    RETURN, WITHDRAW, TERMINATE, EXTEND, GRANT_URGENT, COMPLETE_PAPERWORK, POST_CHECK, ATTACH
}
