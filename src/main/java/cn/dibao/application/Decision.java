package cn.dibao.application;

/** The county's (or, delegated, the township's) decision on a case: 审核确认 or 不予确认. */
public enum Decision { APPROVED, REFUSED }
