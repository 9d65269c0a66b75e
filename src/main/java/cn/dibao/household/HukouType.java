package cn.dibao.household;

/** 户籍类型: picks the urban or rural standard. */
public enum HukouType {
    URBAN, RURAL
}
