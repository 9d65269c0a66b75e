package cn.dibao.eligibility;

import cn.dibao.engine.Parameters;
import cn.dibao.engine.PropertyRules;
import cn.dibao.engine.SingleRules;
import cn.dibao.standard.DibaoRules;
import cn.dibao.standard.EdgeAndSingle;
import cn.dibao.standard.ProgrammeProperty;
import cn.dibao.standard.PropertyLimits;
import cn.dibao.standard.SinglePerson;
import cn.dibao.standard.StandardVersion;
import cn.dibao.standard.TekunSupport;
import cn.dibao.standard.TopUps;

import java.math.BigDecimal;

/** A stored standard version in the engine's exact units (fen, basis points, hundredths). */
final class ParametersFactory {

    private ParametersFactory() {
    }

    static Parameters of(StandardVersion v) {
        DibaoRules d = v.dibao();
        TopUps t = v.topUps();
        PropertyLimits p = v.property();
        TekunSupport k = v.tekun();
        EdgeAndSingle e = v.edge();
        return new Parameters(v.id(), label(v), fen(d.dibaoStandard()), d.roundingRule(), fen(d.minBenefit()),
                bp(d.employmentCostPct()), d.deductMedical(), d.deductEducation(), d.deductRehabilitation(),
                d.deductRent(),
                topUp(t.topupElderlyMode(), t.topupElderlyValue()), topUp(t.topupMinorMode(), t.topupMinorValue()),
                topUp(t.topupDisabilityMode(), t.topupDisabilityValue()), topUp(t.topupIllnessMode(), t.topupIllnessValue()),
                t.topupStacking(), hundredths(p.moneyAssetsMultiple()), p.maxVehicles(),
                p.maxVehicleValue() == null ? null : Long.valueOf(fen(p.maxVehicleValue())), p.maxHomes(),
                p.maxFloorAreaPerPerson() == null ? null : Long.valueOf(hundredths(p.maxFloorAreaPerPerson())),
                fen(p.maxBusinessCapital()), fen(k.tekunBasic()), fen(k.tekunCareHomeSelf()),
                fen(k.tekunCareHomePartial()), fen(k.tekunCareHomeFull()), fen(k.tekunCareInstSelf()),
                fen(k.tekunCareInstPartial()), fen(k.tekunCareInstFull()), k.tekunMinorAge(),
                hundredths(e.edgeMultiplier()), e.singleBasis(), bp(e.singleSharePct()), e.singleRequiresEdge(),
                bp(v.rigid().rigidRatioPct()), fen(v.rigid().disposableIncomeLastYear()),
                hundredths(v.tempRelief().tempReliefCapMultiple()),
                hundredths(v.tempRelief().tempReliefTownshipMultiple()),
                t.topupElderlyAge(), t.topupMinorAge(), k.tekunSchoolAge(),
                v.incomeExclusions().rules(d.incomeReferenceMonths()), propertyRules(v), singleRules(v));
    }

    /** The 低保 property rules beyond the flat limits and each programme's own limits (ADR 0019). */
    static PropertyRules propertyRules(StandardVersion v) {
        PropertyLimits p = v.property();
        ProgrammeProperty own = v.propertyByProgramme();
        return new PropertyRules(p.maxOtherAssets() == null ? null : fen(p.maxOtherAssets()), p.recentHomeYears(),
                p.maxNonResidential(), limits(own.tekun()), limits(own.edge()), limits(own.rigid()),
                limits(own.single()));
    }

    private static PropertyRules.Limits limits(PropertyLimits p) {
        if (p == null) {
            return null;
        }
        return new PropertyRules.Limits(hundredths(p.moneyAssetsMultiple()), p.maxVehicles(),
                p.maxVehicleValue() == null ? null : fen(p.maxVehicleValue()), p.maxHomes(),
                p.maxFloorAreaPerPerson() == null ? null : Long.valueOf(hundredths(p.maxFloorAreaPerPerson())),
                fen(p.maxBusinessCapital()), p.maxOtherAssets() == null ? null : fen(p.maxOtherAssets()),
                p.recentHomeYears(), p.maxNonResidential());
    }

    /** 单人保: the alone mode and the qualifying groups (ADR 0018). */
    static SingleRules singleRules(StandardVersion v) {
        SinglePerson s = v.single();
        return new SingleRules(s.singleAlone(), s.singleAdultAge(), s.singleIllness(), s.singleDisabilityGrade(),
                s.singleMentalGrade());
    }

    static String label(StandardVersion v) {
        return v.areaCode() + " " + v.effectiveFrom() + (v.hukouType() == null ? "" : " " + v.hukouType())
                + " 低保标准 " + v.dibao().dibaoStandard().toPlainString() + " 元（版本 #" + v.id() + "）";
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
