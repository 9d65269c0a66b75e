package cn.dibao.engine;

/** Whether a period (公示) counts calendar days or working days. */
public enum DayUnit {
    CALENDAR, WORKING
}
