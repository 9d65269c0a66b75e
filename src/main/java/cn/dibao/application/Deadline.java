package cn.dibao.application;

import java.time.LocalDate;

/** A due date with its badge as of today: on time, due soon (≤ 2 working days left) or overdue. */
public record Deadline(LocalDate due, Status status, int workingDaysLeft) {

    public enum Status { ON_TIME, DUE_SOON, OVERDUE, DONE }

    public static final int DUE_SOON_WORKING_DAYS = 2;
}
