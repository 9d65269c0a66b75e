package cn.dibao.household;

/** 孤儿 or 事实无人抚养儿童 (domain-rules §6.1): a child who may get the child benefit instead of 特困. */
public enum ChildStatus {
    ORPHAN, DE_FACTO_UNSUPPORTED
}
