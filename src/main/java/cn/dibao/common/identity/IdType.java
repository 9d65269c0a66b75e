package cn.dibao.common.identity;

/** 证件类型. */
public enum IdType {
    /** 居民身份证 (GB 11643). */
    RESIDENT_ID,
    /** 港澳台居民居住证: same 18-character format, address code 810000 / 820000 / 830000. */
    HMT_RESIDENCE_PERMIT,
    /** 外国人永久居留身份证 (2017 format: 18 characters starting with 9, or the older 15-character card). */
    FOREIGN_PERMANENT_RESIDENT
}
