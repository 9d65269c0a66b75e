package cn.dibao.household;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;

/**
 * A new household file with its head (户主 / 申请人) and the day the head's 共同生活 starts ({@code
 * headJoinedOn}; the registration day when empty).
 */
public record NewHousehold(@Valid @NotNull(message = "{household.required}") HouseholdData household,
                           @Valid @NotNull(message = "{person.required}") PersonData head,
                           @PastOrPresent(message = "{member.joinedOn.future}") java.time.LocalDate headJoinedOn) {

    /** A household whose head lives there from the registration day. */
    public NewHousehold(HouseholdData household, PersonData head) {
        this(household, head, null);
    }
}
