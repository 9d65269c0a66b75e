package cn.dibao.area;

/** The three levels a county bureau manages: 县(区) → 乡镇/街道 → 村/居. */
public enum AreaLevel {
    COUNTY, TOWNSHIP, VILLAGE;

    public AreaLevel childLevel() {
        return switch (this) {
            case COUNTY -> TOWNSHIP;
            case TOWNSHIP -> VILLAGE;
            case VILLAGE -> null;
        };
    }
}
