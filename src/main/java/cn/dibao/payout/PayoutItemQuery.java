package cn.dibao.payout;

/**
 * Filters for a run's items; any may be null. {@code text} matches the payee's name (prefix) or is a
 * household or benefit id.
 */
public record PayoutItemQuery(String townshipCode, String programme, String kind, String status, String text) {

    public static PayoutItemQuery all() {
        return new PayoutItemQuery(null, null, null, null, null);
    }
}
