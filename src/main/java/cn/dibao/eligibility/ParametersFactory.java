package cn.dibao.eligibility;

import cn.dibao.engine.Parameters;
import cn.dibao.standard.StandardVersion;

import java.math.BigDecimal;

/** A stored standard version in the engine's exact units (fen, basis points, hundredths). */
final class ParametersFactory {

    private ParametersFactory() {
    }

    static Parameters of(StandardVersion v) {
        return new Parameters(v.id(), label(v), fen(v.dibaoStandard()), v.roundingRule(), fen(v.minBenefit()),
                bp(v.employmentCostPct()), v.deductMedical(), v.deductEducation(), v.deductRehabilitation(),
                v.deductRent(),
                topUp(v.topupElderlyMode(), v.topupElderlyValue()), topUp(v.topupMinorMode(), v.topupMinorValue()),
                topUp(v.topupDisabilityMode(), v.topupDisabilityValue()), topUp(v.topupIllnessMode(), v.topupIllnessValue()),
                v.topupStacking(), hundredths(v.moneyAssetsMultiple()), v.maxVehicles(),
                v.maxVehicleValue() == null ? null : Long.valueOf(fen(v.maxVehicleValue())), v.maxHomes(),
                v.maxFloorAreaPerPerson() == null ? null : Long.valueOf(hundredths(v.maxFloorAreaPerPerson())),
                fen(v.maxBusinessCapital()), fen(v.tekunBasic()), fen(v.tekunCareHomeSelf()),
                fen(v.tekunCareHomePartial()), fen(v.tekunCareHomeFull()), fen(v.tekunCareInstSelf()),
                fen(v.tekunCareInstPartial()), fen(v.tekunCareInstFull()), v.tekunMinorAge(),
                hundredths(v.edgeMultiplier()), v.singleBasis(), bp(v.singleSharePct()), v.singleRequiresEdge(),
                bp(v.rigidRatioPct()), fen(v.disposableIncomeLastYear()), hundredths(v.tempReliefCapMultiple()),
                hundredths(v.tempReliefTownshipMultiple()));
    }

    static String label(StandardVersion v) {
        return v.areaCode() + " " + v.effectiveFrom() + (v.hukouType() == null ? "" : " " + v.hukouType())
                + " 低保标准 " + v.dibaoStandard().toPlainString() + " 元（版本 #" + v.id() + "）";
    }

    private static Parameters.TopUp topUp(cn.dibao.engine.TopUpMode mode, BigDecimal value) {
        return mode == cn.dibao.engine.TopUpMode.PERCENT
                ? new Parameters.TopUp(mode, bp(value)) : new Parameters.TopUp(mode, fen(value));
    }

    static long fen(BigDecimal yuan) {
        return yuan.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).longValueExact();
    }

    /** A percentage (two decimals) in basis points. */
    static int bp(BigDecimal pct) {
        return pct.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).intValueExact();
    }

    static int hundredths(BigDecimal v) {
        return v.movePointRight(2).setScale(0, java.math.RoundingMode.UNNECESSARY).intValueExact();
    }
}
