package cn.dibao.application;

import java.time.LocalDate;

/**
 * A line of a case list. The badges are as of today: {@code stepDue} is the due date of the
 * current step (for a refused case, the delivery of the notice), {@code totalDue} the whole
 * limit (done once decided), {@code paperworkDue} the 先行救助 paperwork (null without one).
 */
public record ApplicationRow(long id, long householdId, long applicantPersonId, String applicantName,
                             AssistanceType assistanceType, ApplicationState state, String areaCode, String areaName,
                             LocalDate receivedOn, String acceptedBy, Deadline stepDue, Deadline totalDue,
                             Deadline paperworkDue) {
}
