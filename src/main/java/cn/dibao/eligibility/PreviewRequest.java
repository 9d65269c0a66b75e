package cn.dibao.eligibility;

import cn.dibao.engine.EligibilityEngine.CareSetting;
import cn.dibao.household.AbleToSupport;
import cn.dibao.household.AssetType;
import cn.dibao.household.ChildProgramme;
import cn.dibao.household.ChildStatus;
import cn.dibao.household.DeductionType;
import cn.dibao.household.Employment;
import cn.dibao.household.ExclusionReason;
import cn.dibao.household.ExpenseType;
import cn.dibao.household.HukouType;
import cn.dibao.household.IncomeCategory;
import cn.dibao.household.LabourAbility;
import cn.dibao.household.Relation;
import cn.dibao.household.SelfCareTier;
import cn.dibao.household.StudentLevel;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A household described in the request, for "can I qualify?" checks that save nothing. Members
 * are referred to by a caller-chosen {@code ref}. The nested records carry schema names of their own
 * (PreviewMember, …): the OpenAPI document names a schema by its simple class name, and the household
 * file has a Member, an Income… too.
 */
public record PreviewRequest(
        @NotBlank(message = "{household.area.required}") @Pattern(regexp = "^[0-9]{12}$", message = "{household.area.required}") String areaCode,
        @NotNull(message = "{household.hukouType.required}") HukouType hukouType,
        @NotNull(message = "{eligibility.month.required}") YearMonth month,
        CareSetting careSetting,
        @NotEmpty(message = "{eligibility.members.required}") @Size(max = 30, message = "{eligibility.members.tooMany}") List<@Valid @NotNull Member> members,
        @Size(max = 200, message = "{eligibility.items.tooMany}") List<@Valid @NotNull Income> incomes,
        @Size(max = 200, message = "{eligibility.items.tooMany}") List<@Valid @NotNull Deduction> deductions,
        @Size(max = 200, message = "{eligibility.items.tooMany}") List<@Valid @NotNull Asset> assets,
        @Size(max = 200, message = "{eligibility.items.tooMany}") List<@Valid @NotNull Expense> expenses,
        @Size(max = 50, message = "{eligibility.items.tooMany}") List<@Valid @NotNull Obligor> obligors) {

    @Schema(name = "PreviewMember")
    public record Member(
            @NotBlank(message = "{eligibility.ref.required}") @Size(max = 20, message = "{eligibility.ref.required}")
            @Schema(description = "The caller's name for the member, used by incomes, deductions and obligors", example = "m1")
            String ref,
            @NotBlank(message = "{person.name.required}") @Size(max = 50, message = "{person.name.tooLong}") String name,
            @NotNull(message = "{eligibility.age.required}") @Min(value = 0, message = "{eligibility.age.range}") @Max(value = 130, message = "{eligibility.age.range}") Integer age,
            Boolean counted,
            @Min(value = 1, message = "{person.disability.category}") @Max(value = 7, message = "{person.disability.category}") Integer disabilityCategory,
            @Min(value = 1, message = "{person.disability.grade}") @Max(value = 4, message = "{person.disability.grade}") Integer disabilityGrade,
            SelfCareTier selfCareTier, Boolean seriousIllness, LabourAbility labourAbility, StudentLevel studentLevel,
            @Schema(description = "To the head; decides who is whose 法定义务人 for 特困 (ADR 0025). Without it the "
                    + "former co-resident rule applies") Relation relation,
            @Schema(description = "For 单人保's alone mode (ADR 0018); UNKNOWN if absent") Employment employment,
            @Schema(description = "孤儿 / 事实无人抚养儿童 (ADR 0017)") ChildStatus childStatus,
            @Schema(description = "The programme chosen when such a child also meets 特困 (ADR 0017)")
            ChildProgramme childProgramme) {

        /** Members count as living together unless the caller says otherwise. */
        public boolean countedOrDefault() {
            return counted == null || counted;
        }
    }

    @Schema(name = "PreviewIncome")
    public record Income(
            @NotBlank(message = "{eligibility.ref.required}") @Schema(description = "The `ref` of the member", example = "m1")
            String memberRef,
            @NotNull(message = "{income.category.required}") IncomeCategory category,
            @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
            @Digits(integer = 10, fraction = 2, message = "{money.format}")
            @Schema(description = "The month's income of the item: already the average over the 收入计算期 (a preview "
                    + "has no periods to average, ADR 0020)") BigDecimal monthlyAmount,
            @Schema(description = "What the item is when the law may leave it out; the standard in force decides per "
                    + "programme whether it counts (ADR 0021)") ExclusionReason exclusionReason) {
    }

    @Schema(name = "PreviewDeduction")
    public record Deduction(String memberRef,
                            @NotNull(message = "{deduction.type.required}") DeductionType type,
                            @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
                            @Digits(integer = 10, fraction = 2, message = "{money.format}") BigDecimal monthlyAmount) {
    }

    @Schema(name = "PreviewAsset")
    public record Asset(@NotNull(message = "{asset.type.required}") AssetType type,
                        @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
                        @Digits(integer = 12, fraction = 2, message = "{money.format}") BigDecimal value,
                        @Min(value = 0, message = "{asset.quantity.invalid}") @Max(value = 999, message = "{asset.quantity.invalid}") Integer quantity,
                        @DecimalMin(value = "0.00", message = "{asset.floorArea.invalid}") @Digits(integer = 7, fraction = 2, message = "{asset.floorArea.invalid}") BigDecimal floorArea,
                        @Schema(description = "豁免 (a necessity of production or living); false if absent") Boolean exempt,
                        @Schema(description = "The `ref` of the member who owns it (单人保 tests own property); "
                                + "absent: the household's") String memberRef,
                        @Schema(description = "When a home was bought (the local rule on recent purchases, ADR 0019)")
                        java.time.LocalDate acquiredOn) {
    }

    /** A rigid expense of the 12 months before the month checked. */
    @Schema(name = "PreviewExpense")
    public record Expense(@NotNull(message = "{expense.type.required}") ExpenseType type,
                          @NotNull(message = "{money.required}") @DecimalMin(value = "0.00", message = "{money.negative}")
                          @Digits(integer = 10, fraction = 2, message = "{money.format}") BigDecimal amount) {
    }

    /** {@code monthlySupport}: the 赡养费 he pays, counted as transfer income (optional, none if absent). */
    @Schema(name = "PreviewObligor")
    public record Obligor(String supportedMemberRef,
                          @NotNull(message = "{obligor.ableToSupport.required}") AbleToSupport ableToSupport,
                          @DecimalMin(value = "0.00", message = "{money.negative}")
                          @Digits(integer = 10, fraction = 2, message = "{money.format}") BigDecimal monthlySupport) {
    }
}
