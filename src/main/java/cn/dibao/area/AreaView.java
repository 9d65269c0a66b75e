package cn.dibao.area;

/** An area as other features and pages see it. */
public record AreaView(String code, String name, AreaLevel level, String parentCode, boolean retired, long version) {

    /** Indentation depth in the tree (county 0). */
    public int depth() {
        return level.ordinal();
    }
}
