package cn.dibao.household;

/** A closed household keeps its file; its memberships end. */
public enum HouseholdStatus {
    ACTIVE, CLOSED
}
