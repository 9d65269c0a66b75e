package cn.dibao.engine;

/** 单人保 amount: a share of the standard (e.g. 50%, the 阜新 seed), or the standard less own income. */
public enum SingleBasis {
    SHARE, TOP_UP
}
