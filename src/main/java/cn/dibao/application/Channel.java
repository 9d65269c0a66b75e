package cn.dibao.application;

/** How the application reached the window (一门受理). */
public enum Channel {
    /** The applicant at the window. */
    WINDOW,
    /** 委托申请: the 村(居)委会 or another person, with the authorisation recorded. */
    PROXY,
    /** 主动发现: staff found the household (e.g. from a monitoring warning). */
    ACTIVE_DISCOVERY
}
