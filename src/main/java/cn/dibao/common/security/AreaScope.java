package cn.dibao.common.security;

/**
 * The areas a user may see: every area whose 12-digit code starts with {@link #prefix()}.
 * A county scope is its 6-digit prefix, a township its 9 digits; the empty prefix is everything.
 * Queries filter with {@code code like prefix || '%'}, so the check lives in the database.
 */
public record AreaScope(String prefix) {

    public static final AreaScope ALL = new AreaScope("");

    public AreaScope {
        if (prefix == null || !prefix.matches("[0-9]{0,12}")) {
            throw new IllegalArgumentException("bad scope prefix");
        }
    }

    /** The scope rooted at an area code: county → 6 digits, township → 9, village → 12. */
    public static AreaScope of(String areaCode) {
        if (areaCode == null || areaCode.isEmpty()) {
            return ALL;
        }
        if (areaCode.endsWith("000000")) {
            return new AreaScope(areaCode.substring(0, 6));
        }
        if (areaCode.endsWith("000")) {
            return new AreaScope(areaCode.substring(0, 9));
        }
        return new AreaScope(areaCode);
    }

    public boolean contains(String areaCode) {
        return areaCode != null && areaCode.startsWith(prefix);
    }

    /** For SQL: {@code where area_code like :pattern}. */
    public String likePattern() {
        return prefix + "%";
    }

    public boolean isAll() {
        return prefix.isEmpty();
    }
}
