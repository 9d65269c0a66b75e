package cn.dibao.household;

import cn.dibao.common.identity.IdType;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Max;
import java.math.BigDecimal;

public record ObligorData(
        @NotBlank(message = "{person.name.required}") @Size(max = 50, message = "{person.name.tooLong}")
        @Pattern(regexp = "^[\\p{IsHan}\\p{IsLatin}·• .'\\-]*$", message = "{person.name.chars}") String name,
        IdType idType,
        @Size(max = 20, message = "{id.resident.format}") String idNumber,
        @NotNull(message = "{obligor.relation.required}") ObligorRelation relation,
        Long supportedPersonId,
        @Size(max = 200, message = "{common.tooLong200}") String address,
        AbleToSupport ableToSupport,
        @DecimalMin(value = "0.00", message = "{money.negative}") @Digits(integer = 10, fraction = 2, message = "{money.format}") BigDecimal monthlySupport,
        @Size(max = 200, message = "{common.tooLong200}") String note,
        @PastOrPresent(message = "{person.birthDate.future}") java.time.LocalDate birthDate,
        @DecimalMin(value = "0.00", message = "{money.negative}") @Digits(integer = 10, fraction = 2, message = "{money.format}") BigDecimal monthlyIncome,
        @Min(value = 1, message = "{person.disability.category}") @Max(value = 7, message = "{person.disability.category}") Integer disabilityCategory,
        @Min(value = 1, message = "{person.disability.grade}") @Max(value = 4, message = "{person.disability.grade}") Integer disabilityGrade,
        ObligorStatus status,
        Boolean propertyWithinLimits,
        @Size(max = 200, message = "{common.tooLong200}") String overrideReason) {

    /** The same facts with another ID number (an edit that kept the stored one). */
    ObligorData withIdNumber(String number) {
        return new ObligorData(name, idType, number, relation, supportedPersonId, address, ableToSupport,
                monthlySupport, note, birthDate, monthlyIncome, disabilityCategory, disabilityGrade, status,
                propertyWithinLimits, overrideReason);
    }
}
