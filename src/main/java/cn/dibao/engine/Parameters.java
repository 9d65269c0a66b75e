package cn.dibao.engine;

/**
 * The local standard in force, in the engine's units: money in fen (1/100 yuan), percentages in
 * basis points (1/100 %), multipliers in hundredths (1.5 → 150). Built from a standard version
 * by the adapter; the engine never reads a database.
 */
public record Parameters(
        long standardId,
        String label,
        long dibaoFen,
        RoundingRule rounding,
        long minBenefitFen,
        int employmentCostBp,
        boolean deductMedical,
        boolean deductEducation,
        boolean deductRehabilitation,
        boolean deductRent,
        TopUp elderly,
        TopUp minor,
        TopUp disability,
        TopUp illness,
        TopUpStacking stacking,
        int moneyAssetsMultipleHundredths,
        int maxVehicles,
        Long maxVehicleValueFen,
        int maxHomes,
        Long maxFloorAreaPerPersonHundredths,
        long maxBusinessCapitalFen,
        long tekunBasicFen,
        long careHomeSelfFen,
        long careHomePartialFen,
        long careHomeFullFen,
        long careInstSelfFen,
        long careInstPartialFen,
        long careInstFullFen,
        int tekunMinorAge,
        int edgeMultiplierHundredths,
        SingleBasis singleBasis,
        int singleShareBp,
        boolean singleRequiresEdge,
        int rigidRatioBp,
        long disposableIncomeLastYearFen,
        int tempReliefCapHundredths,
        int tempReliefTownshipHundredths,
        // 分类施保 age groups: elderly from this age, minor under this one (national 60 / 18)
        int topUpElderlyAge,
        int topUpMinorAge,
        // 特困: a pupil of compulsory, senior-high or vocational school is unable to work under this age (national 25)
        int tekunSchoolAge,
        // the income, property and 单人保 rules a locality varies beyond the flat parameters above (issue 14)
        IncomeRules income,
        PropertyRules propertyRules,
        SingleRules single) {

    public Parameters withIncome(IncomeRules rules) {
        return with(rules, propertyRules, single);
    }

    public Parameters withPropertyRules(PropertyRules rules) {
        return with(income, rules, single);
    }

    public Parameters withSingle(SingleRules rules) {
        return with(income, propertyRules, rules);
    }

    private Parameters with(IncomeRules i, PropertyRules pr, SingleRules s) {
        return new Parameters(standardId, label, dibaoFen, rounding, minBenefitFen, employmentCostBp, deductMedical,
                deductEducation, deductRehabilitation, deductRent, elderly, minor, disability, illness, stacking,
                moneyAssetsMultipleHundredths, maxVehicles, maxVehicleValueFen, maxHomes, maxFloorAreaPerPersonHundredths,
                maxBusinessCapitalFen, tekunBasicFen, careHomeSelfFen, careHomePartialFen, careHomeFullFen,
                careInstSelfFen, careInstPartialFen, careInstFullFen, tekunMinorAge, edgeMultiplierHundredths,
                singleBasis, singleShareBp, singleRequiresEdge, rigidRatioBp, disposableIncomeLastYearFen,
                tempReliefCapHundredths, tempReliefTownshipHundredths, topUpElderlyAge, topUpMinorAge, tekunSchoolAge,
                i, pr, s);
    }

    /** A 分类施保 top-up: fixed fen, or basis points of the standard. */
    public record TopUp(TopUpMode mode, long value) {

        public static final TopUp NONE = new TopUp(TopUpMode.FIXED, 0);

        /** The monthly amount in micro-yuan (1e-6 yuan). */
        long microYuan(long dibaoFen) {
            return mode == TopUpMode.FIXED ? value * Money.MICRO_PER_FEN : dibaoFen * value;
        }
    }
}
