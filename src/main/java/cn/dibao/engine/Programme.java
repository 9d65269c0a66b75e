package cn.dibao.engine;

/**
 * The programmes in the order a single application is sorted into them ("一次申请、分类审核认定",
 * domain-rules §2.2): 特困 → 低保 → 单人保 → 低保边缘 → 刚性支出, then 临时救助 amounts.
 */
public enum Programme {
    TEKUN("特困人员救助供养"),
    DIBAO("最低生活保障"),
    DIBAO_SINGLE("单人保"),
    DIBAO_EDGE("低保边缘家庭"),
    RIGID_EXPENDITURE("刚性支出困难家庭"),
    TEMP_RELIEF("临时救助");

    private final String label;

    Programme(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
