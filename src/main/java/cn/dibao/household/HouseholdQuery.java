package cn.dibao.household;

/**
 * Search criteria. A name of 3+ characters matches anywhere in a member's name (trigram index);
 * 1–2 characters match the start of the name. An ID number matches exactly.
 */
public record HouseholdQuery(String name, String idNumber, String areaCode, HouseholdStatus status,
                             HouseholdTag tag) {

    public static HouseholdQuery all() {
        return new HouseholdQuery(null, null, null, null, null);
    }
}
