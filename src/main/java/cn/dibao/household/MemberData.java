package cn.dibao.household;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

public record MemberData(
        @NotNull(message = "{member.relation.required}") Relation relation,
        boolean counted,
        NotCountedReason notCountedReason,
        @PastOrPresent(message = "{member.joinedOn.future}") java.time.LocalDate joinedOn) {
}
