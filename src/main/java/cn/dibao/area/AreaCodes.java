package cn.dibao.area;

import java.util.Optional;
import java.util.Set;

/**
 * Rules of the 12-digit statistical area code: 6 digits GB/T 2260 (province, city, county),
 * 3 digits township (GB/T 10114: 001–099 街道, 100–199 镇, 200–399 乡, 400–599 others),
 * 3 digits village (001–199 居委会, 200–399 村委会, NBS practice). Pure: no Spring, no JPA.
 */
public final class AreaCodes {

    /** Province prefixes of GB/T 2260, with 71/81/82 (台湾, 香港, 澳门). */
    static final Set<String> PROVINCES = Set.of("11", "12", "13", "14", "15", "21", "22", "23", "31", "32", "33",
            "34", "35", "36", "37", "41", "42", "43", "44", "45", "46", "50", "51", "52", "53", "54", "61", "62", "63",
            "64", "65", "71", "81", "82");

    private AreaCodes() {
    }

    /** The level a well-formed code denotes. */
    public static AreaLevel levelOf(String code) {
        if (code.endsWith("000000")) {
            return AreaLevel.COUNTY;
        }
        return code.endsWith("000") ? AreaLevel.TOWNSHIP : AreaLevel.VILLAGE;
    }

    /**
     * Checks a new code against the level it is meant for and its parent; returns the message
     * key of the first problem, or empty when the code is acceptable.
     */
    public static Optional<String> problem(String code, AreaLevel level, String parentCode) {
        if (code == null || !code.matches("[0-9]{12}")) {
            return Optional.of("area.code.format");
        }
        if (!PROVINCES.contains(code.substring(0, 2))) {
            return Optional.of("area.code.province");
        }
        if (level == null) {
            return Optional.of("area.level.required");
        }
        String township = code.substring(6, 9);
        String village = code.substring(9, 12);
        switch (level) {
            case COUNTY -> {
                if (code.substring(4, 6).equals("00") || !code.endsWith("000000")) {
                    return Optional.of("area.code.county");
                }
            }
            case TOWNSHIP -> {
                int t = Integer.parseInt(township);
                if (t < 1 || t > 599 || !village.equals("000")) {
                    return Optional.of("area.code.township");
                }
                if (parentCode == null || !code.startsWith(parentCode.substring(0, 6))) {
                    return Optional.of("area.code.notUnderParent");
                }
            }
            case VILLAGE -> {
                if (village.equals("000") || township.equals("000")) {
                    return Optional.of("area.code.village");
                }
                if (parentCode == null || !code.startsWith(parentCode.substring(0, 9))) {
                    return Optional.of("area.code.notUnderParent");
                }
            }
        }
        return Optional.empty();
    }

    /** The county code (12 digits) an area belongs to. */
    public static String countyOf(String code) {
        return code.substring(0, 6) + "000000";
    }

    /** The township code (12 digits) of a township or village. */
    public static String townshipOf(String code) {
        return code.substring(0, 9) + "000";
    }
}
