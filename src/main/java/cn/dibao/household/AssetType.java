package cn.dibao.household;

/** 家庭财产 (§4.4): REAL_ESTATE is housing, NON_RESIDENTIAL 商铺、厂房、写字楼 and other non-residential property. */
public enum AssetType {
    DEPOSIT, SECURITIES, INSURANCE, VEHICLE, REAL_ESTATE, BUSINESS_CAPITAL, OTHER, NON_RESIDENTIAL
}
