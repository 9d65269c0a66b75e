package cn.dibao.household;

/** 与户主关系. */
public enum Relation {
    HEAD, SPOUSE, CHILD, PARENT, GRANDCHILD, GRANDPARENT, SIBLING, CHILD_IN_LAW, OTHER
}
