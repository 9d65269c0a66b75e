package cn.dibao.household;

/** 家庭收入 components (§4.3). */
public enum IncomeCategory {
    WAGE, BUSINESS, PROPERTY, TRANSFER, OTHER
}
