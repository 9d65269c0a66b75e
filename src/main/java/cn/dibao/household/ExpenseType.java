package cn.dibao.household;

/** 刚性支出 (§8.3). */
public enum ExpenseType {
    MEDICAL, EDUCATION, REHABILITATION
}
