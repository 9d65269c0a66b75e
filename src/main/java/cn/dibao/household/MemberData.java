package cn.dibao.household;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Size;

/**
 * A membership as the caseworker records it. {@code counted} and {@code notCountedReason} are his decision;
 * a person with a §4.1 flag (服刑, 戒毒, 失踪, 宗教教职) is not counted whatever it says, unless
 * {@code countOverrideReason} says why he counts (监外执行、保外就医 and back home; ADR 0016).
 */
public record MemberData(
        @NotNull(message = "{member.relation.required}") Relation relation,
        boolean counted,
        NotCountedReason notCountedReason,
        @PastOrPresent(message = "{member.joinedOn.future}") java.time.LocalDate joinedOn,
        @Size(max = 200, message = "{common.tooLong200}") String countOverrideReason) {

    /** Without an override (a person without flags). */
    public MemberData(Relation relation, boolean counted, NotCountedReason notCountedReason,
                      java.time.LocalDate joinedOn) {
        this(relation, counted, notCountedReason, joinedOn, null);
    }
}
