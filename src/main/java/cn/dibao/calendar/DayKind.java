package cn.dibao.calendar;

/** How a day of the calendar differs from "Monday to Friday work, Saturday and Sunday rest". */
public enum DayKind {
    /** A day off: 法定节假日 or a day of its 调休 span (a weekend day of the span is stored too). */
    HOLIDAY,
    /** A Saturday or Sunday worked (调休上班). */
    WORKDAY
}
