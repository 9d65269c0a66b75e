package cn.dibao.household;

import cn.dibao.common.identity.IdType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PastOrPresent;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.time.LocalDate;

/**
 * What a caseworker records about a person. For document types that encode them, sex and birth
 * date are derived from the number and these fields are ignored.
 */
public record PersonData(
        @NotBlank(message = "{person.name.required}") @Size(max = 50, message = "{person.name.tooLong}")
        @Pattern(regexp = "^[\\p{IsHan}\\p{IsLatin}·• .'\\-]*$", message = "{person.name.chars}") String name,
        @NotNull(message = "{person.idType.required}") IdType idType,
        @NotBlank(message = "{id.required}") @Size(max = 20, message = "{id.resident.format}") String idNumber,
        @Pattern(regexp = "^[MF]?$", message = "{person.sex.invalid}") String sex,
        @PastOrPresent(message = "{person.birthDate.future}") LocalDate birthDate,
        @Pattern(regexp = "^(1[3-9][0-9]{9}|0[0-9]{2,3}-?[0-9]{7,8})?$", message = "{person.phone.invalid}") String phone,
        @Size(max = 20, message = "{person.ethnicity.tooLong}") String ethnicity,
        @Min(value = 1, message = "{person.disability.category}") @Max(value = 7, message = "{person.disability.category}") Integer disabilityCategory,
        @Min(value = 1, message = "{person.disability.grade}") @Max(value = 4, message = "{person.disability.grade}") Integer disabilityGrade,
        @Size(max = 20, message = "{person.disability.certTooLong}") String disabilityCertNo,
        Boolean canEat, Boolean canDress, Boolean canTransfer, Boolean canToilet, Boolean canWalkIndoors,
        Boolean canBathe,
        @PastOrPresent(message = "{person.selfCare.future}") LocalDate selfCareAssessedOn,
        Boolean seriousIllness,
        @Size(max = 200, message = "{common.tooLong200}") String seriousIllnessNote,
        LabourAbility labourAbility,
        Employment employment,
        StudentLevel studentLevel,
        Boolean servingSentence, Boolean compulsoryRehab, Boolean declaredMissing, Boolean clergyApart,
        ChildStatus childStatus, ChildProgramme childProgramme) {

    /** Without the child's status (孤儿 / 事实无人抚养儿童) and programme choice. */
    public PersonData(String name, IdType idType, String idNumber, String sex, LocalDate birthDate, String phone,
                      String ethnicity, Integer disabilityCategory, Integer disabilityGrade, String disabilityCertNo,
                      Boolean canEat, Boolean canDress, Boolean canTransfer, Boolean canToilet,
                      Boolean canWalkIndoors, Boolean canBathe, LocalDate selfCareAssessedOn, Boolean seriousIllness,
                      String seriousIllnessNote, LabourAbility labourAbility, Employment employment,
                      StudentLevel studentLevel, Boolean servingSentence, Boolean compulsoryRehab,
                      Boolean declaredMissing, Boolean clergyApart) {
        this(name, idType, idNumber, sex, birthDate, phone, ethnicity, disabilityCategory, disabilityGrade,
                disabilityCertNo, canEat, canDress, canTransfer, canToilet, canWalkIndoors, canBathe,
                selfCareAssessedOn, seriousIllness, seriousIllnessNote, labourAbility, employment, studentLevel,
                servingSentence, compulsoryRehab, declaredMissing, clergyApart, null, null);
    }

    /** A copy with another ID number (the stored one behind a masked form value, a masked one for reading). */
    public PersonData withIdNumberAndPhone(String idNumber, String phone) {
        return new PersonData(name, idType, idNumber, sex, birthDate, phone, ethnicity, disabilityCategory,
                disabilityGrade, disabilityCertNo, canEat, canDress, canTransfer, canToilet, canWalkIndoors, canBathe,
                selfCareAssessedOn, seriousIllness, seriousIllnessNote, labourAbility, employment, studentLevel,
                servingSentence, compulsoryRehab, declaredMissing, clergyApart, childStatus, childProgramme);
    }

    /** The minimum for a person: name and ID. */
    public static PersonData of(String name, IdType type, String idNumber) {
        return new PersonData(name, type, idNumber, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, LabourAbility.FULL, Employment.UNKNOWN, StudentLevel.NONE, null, null,
                null, null);
    }
}
