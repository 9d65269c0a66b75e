package cn.dibao.household;

/** 家庭财产 (§4.4). */
public enum AssetType {
    DEPOSIT, SECURITIES, INSURANCE, VEHICLE, REAL_ESTATE, BUSINESS_CAPITAL, OTHER
}
