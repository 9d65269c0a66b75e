package cn.dibao.engine;

import java.time.LocalDate;

/**
 * The property tests a locality sets beyond the flat 低保 limits of {@link Parameters} (issue 14, ADR 0019):
 * for 低保 a limit on {@code OTHER} assets, a rule on homes bought in the last years and on non-residential
 * property (each null: no such rule); and the limits of each other programme (null: the 低保 limits).
 * 单人保's limits are tested against the person's own assets, as a household of one.
 */
public record PropertyRules(Long maxOtherAssetsFen, Integer recentHomeYears, Integer maxNonResidential,
                            Limits tekun, Limits edge, Limits rigid, Limits single) {

    public static final PropertyRules NATIONAL = new PropertyRules(null, null, null, null, null, null, null);

    /**
     * One programme's property limits: money assets as hundredths of the yearly standard per person, vehicles
     * (and their value), homes, floor area per person (hundredths of m²), registered capital; then the limit
     * on other assets, the years within which a home bought fails, the non-residential properties allowed
     * (null: no such rule).
     */
    public record Limits(int moneyAssetsMultipleHundredths, int maxVehicles, Long maxVehicleValueFen, int maxHomes,
                         Long maxFloorAreaPerPersonHundredths, long maxBusinessCapitalFen, Long maxOtherAssetsFen,
                         Integer recentHomeYears, Integer maxNonResidential) {

        /** Whether a home acquired on {@code acquiredOn} was bought within the rule's years before {@code first}. */
        boolean recent(LocalDate acquiredOn, LocalDate first) {
            return recentHomeYears != null && acquiredOn != null && acquiredOn.isAfter(first.minusYears(recentHomeYears));
        }
    }

    /** The 低保 limits: the flat parameters and this record's own three rules. */
    public Limits dibao(Parameters p) {
        return new Limits(p.moneyAssetsMultipleHundredths(), p.maxVehicles(), p.maxVehicleValueFen(), p.maxHomes(),
                p.maxFloorAreaPerPersonHundredths(), p.maxBusinessCapitalFen(), maxOtherAssetsFen, recentHomeYears,
                maxNonResidential);
    }

    /** A programme's limits ({@code null} ones follow 低保). 临时救助 has no property test of its own here. */
    public Limits of(Programme programme, Parameters p) {
        Limits own = switch (programme) {
            case TEKUN -> tekun;
            case DIBAO_EDGE -> edge;
            case RIGID_EXPENDITURE -> rigid;
            case DIBAO_SINGLE -> single;
            case DIBAO, TEMP_RELIEF -> null;
        };
        return own == null ? dibao(p) : own;
    }

    /** Whether a programme has limits of its own (its report then lists them). */
    public boolean ownLimits(Programme programme) {
        return switch (programme) {
            case TEKUN -> tekun != null;
            case DIBAO_EDGE -> edge != null;
            case RIGID_EXPENDITURE -> rigid != null;
            case DIBAO_SINGLE -> single != null;
            case DIBAO, TEMP_RELIEF -> false;
        };
    }
}
