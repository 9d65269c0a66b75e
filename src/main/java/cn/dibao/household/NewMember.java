package cn.dibao.household;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

/** Adds a person (new, or known by ID number) to a household. */
public record NewMember(@Valid @NotNull(message = "{member.required}") MemberData member,
                        @Valid @NotNull(message = "{person.required}") PersonData person) {
}
