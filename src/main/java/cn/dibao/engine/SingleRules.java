package cn.dibao.engine;

/**
 * 单人保 (D2 第八条 and local modes such as 阜新's): who may be assessed alone and against what (issue 14).
 * {@link #NATIONAL}: the D2 边缘-household mode.
 */
public record SingleRules() {

    public static final SingleRules NATIONAL = new SingleRules();
}
