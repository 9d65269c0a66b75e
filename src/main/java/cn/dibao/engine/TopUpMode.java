package cn.dibao.engine;

/** 分类施保 top-up: a fixed amount per person per month, or a percentage of the 低保 standard. */
public enum TopUpMode {
    FIXED, PERCENT
}
