package cn.dibao.application;

import cn.dibao.engine.Programme;

/**
 * What is applied for (救助类别, domain-rules §10.6). One application is still sorted into the
 * programme the household qualifies for ("一次申请、分类审核认定"); this is what the applicant asked.
 */
public enum AssistanceType {
    DIBAO("低保", Programme.DIBAO, false),
    DIBAO_SINGLE("单人保", Programme.DIBAO_SINGLE, false),
    TEKUN_SCATTERED("特困（分散供养）", Programme.TEKUN, false),
    TEKUN_CENTRALIZED("特困（集中供养）", Programme.TEKUN, false),
    DIBAO_EDGE("低保边缘", Programme.DIBAO_EDGE, false),
    RIGID_EXPENDITURE("刚性支出困难", Programme.RIGID_EXPENDITURE, false),
    TEMP_URGENT("临时救助（急难型）", Programme.TEMP_RELIEF, true),
    TEMP_EXPENDITURE("临时救助（支出型）", Programme.TEMP_RELIEF, true);

    private final String label;
    private final Programme programme;
    private final boolean oneOff;

    AssistanceType(String label, Programme programme, boolean oneOff) {
        this.label = label;
        this.programme = programme;
        this.oneOff = oneOff;
    }

    public String label() {
        return label;
    }

    public Programme programme() {
        return programme;
    }

    /** 临时救助 is granted once per incident; the others are monthly benefits. */
    public boolean oneOff() {
        return oneOff;
    }
}
