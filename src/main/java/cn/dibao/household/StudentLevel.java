package cn.dibao.household;

/** 在校情况: full-time education up to undergraduate keeps an adult child a member (§4.1). */
public enum StudentLevel {
    NONE, PRESCHOOL, PRIMARY, JUNIOR, SENIOR, VOCATIONAL, UNDERGRADUATE, POSTGRADUATE
}
