package cn.dibao.household;

import java.util.List;

/** A search result line; the head's ID number is masked. */
public record HouseholdRow(long id, String areaCode, String areaName, String address, HukouType hukouType,
                           HouseholdStatus status, String headName, String headIdMasked, int memberCount,
                           List<HouseholdTag> tags) {
}
