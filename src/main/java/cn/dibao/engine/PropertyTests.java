package cn.dibao.engine;

import cn.dibao.engine.HouseholdSnapshot.Asset;

import java.time.LocalDate;
import java.util.List;

/** The property rules of §4.4 (ADR 0019): the household's, a programme's own limits, one person's own assets. */
final class PropertyTests {

    private PropertyTests() {
    }

    /**
     * A programme's property test: the 低保 result when it follows the 低保 limits, else its own limits
     * tested and listed in {@code out} (ADR 0019).
     */
    static boolean programmeProperty(Programme programme, HouseholdSnapshot h, Parameters p, int n, long std,
                                             LocalDate first, boolean dibaoOk, List<RuleOutcome> out) {
        PropertyRules pr = p.propertyRules();
        if (!pr.ownLimits(programme)) {
            return dibaoOk;
        }
        return property(h.assets(), null, pr.of(programme, p), n, std, first, null, out);
    }

    /** The summary line of a programme's property test, naming its own limits if it has them. */
    static RuleOutcome propertyOutcome(Programme programme, PropertyRules pr, boolean ok) {
        return pr.ownLimits(programme) ? RuleOutcome.about(RuleCode.PROPERTY, ok, null, 0, 0, programme.label())
                : RuleOutcome.of(RuleCode.PROPERTY, ok, 0, 0);
    }

    /**
     * The property of the household (or, with {@code owner}, only that person's own assets, as a household of
     * one) against one set of limits; each rule is added to {@code out} (with {@code subject} the owner's name).
     * Exempt items do not count.
     */
    static boolean property(List<Asset> assets, Long owner, PropertyRules.Limits l, int n, long std,
                                    LocalDate first, String subject, List<RuleOutcome> out) {
        long money = 0;
        long vehicles = 0;
        long vehicleValue = 0;
        long homes = 0;
        long recentHomes = 0;
        long floorArea = 0;
        long capital = 0;
        long other = 0;
        long nonResidential = 0;
        for (Asset a : assets) {
            if (a.exempt() || owner != null && !owner.equals(a.personId())) {
                continue;
            }
            switch (a.kind()) {
                case DEPOSIT, SECURITIES, INSURANCE -> money += Money.fenToMicro(a.valueFen());
                case VEHICLE -> {
                    vehicles += a.quantity();
                    vehicleValue += Money.fenToMicro(a.valueFen());
                }
                case REAL_ESTATE -> {
                    homes += a.quantity();
                    floorArea += a.floorAreaHundredths();
                    if (l.recent(a.acquiredOn(), first)) {
                        recentHomes += a.quantity();
                    }
                }
                case BUSINESS_CAPITAL -> capital += Money.fenToMicro(a.valueFen());
                case OTHER -> other += Money.fenToMicro(a.valueFen());
                case NON_RESIDENTIAL -> nonResidential += a.quantity();
            }
        }
        boolean ok = true;
        long moneyLimit = Math.multiplyExact(Math.multiplyExact(std, 12L * Math.max(n, 1)),
                l.moneyAssetsMultipleHundredths()) / 100;
        boolean moneyOk = money <= moneyLimit;
        out.add(new RuleOutcome(RuleCode.MONEY_ASSETS, moneyOk, subject, money, moneyLimit, null,
                l.moneyAssetsMultipleHundredths(), Math.max(n, 1)));
        ok &= moneyOk;
        boolean vehiclesOk = vehicles <= l.maxVehicles();
        out.add(RuleOutcome.about(RuleCode.VEHICLES, vehiclesOk, subject, vehicles, l.maxVehicles(), null));
        ok &= vehiclesOk;
        if (l.maxVehicleValueFen() != null && vehicles > 0) {
            long limit = Money.fenToMicro(l.maxVehicleValueFen());
            boolean valueOk = vehicleValue <= limit;
            out.add(RuleOutcome.about(RuleCode.VEHICLE_VALUE, valueOk, subject, vehicleValue, limit, null));
            ok &= valueOk;
        }
        boolean homesOk = homes <= l.maxHomes();
        out.add(RuleOutcome.about(RuleCode.HOMES, homesOk, subject, homes, l.maxHomes(), null));
        ok &= homesOk;
        if (l.maxFloorAreaPerPersonHundredths() != null && n > 0 && homes > 0) {
            long perPerson = floorArea / n;
            boolean areaOk = floorArea <= l.maxFloorAreaPerPersonHundredths() * n;
            out.add(RuleOutcome.about(RuleCode.FLOOR_AREA, areaOk, subject, perPerson,
                    l.maxFloorAreaPerPersonHundredths(), null));
            ok &= areaOk;
        }
        long capitalLimit = Money.fenToMicro(l.maxBusinessCapitalFen());
        boolean capitalOk = capital <= capitalLimit;
        out.add(RuleOutcome.about(RuleCode.BUSINESS_CAPITAL, capitalOk, subject, capital, capitalLimit, null));
        ok &= capitalOk;
        if (l.maxOtherAssetsFen() != null) {
            long limit = Money.fenToMicro(l.maxOtherAssetsFen());
            boolean otherOk = other <= limit;
            out.add(RuleOutcome.about(RuleCode.OTHER_ASSETS, otherOk, subject, other, limit, null));
            ok &= otherOk;
        }
        if (l.recentHomeYears() != null) {
            boolean recentOk = recentHomes == 0;
            out.add(new RuleOutcome(RuleCode.RECENT_HOME, recentOk, subject, recentHomes, 0, null,
                    l.recentHomeYears(), 0));
            ok &= recentOk;
        }
        if (l.maxNonResidential() != null) {
            boolean nonResOk = nonResidential <= l.maxNonResidential();
            out.add(RuleOutcome.about(RuleCode.NON_RESIDENTIAL, nonResOk, subject, nonResidential,
                    l.maxNonResidential(), null));
            ok &= nonResOk;
        }
        return ok;
    }

}
