package cn.dibao.engine;

/** A person in several 分类施保 groups gets the highest top-up once, or all of them. */
public enum TopUpStacking {
    ONCE, STACK
}
