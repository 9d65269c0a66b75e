package cn.dibao.eligibility;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;

import java.math.BigDecimal;
import java.time.YearMonth;

/** "If the 低保标准 becomes {@code newStandard} from {@code month}": the simulator's question, on its page and the API. */
@Schema(name = "SimulationRequest")
public record SimulationForm(
        @NotNull(message = "{simulation.standard.invalid}") @DecimalMin(value = "0.01", message = "{simulation.standard.invalid}")
        @Digits(integer = 6, fraction = 2, message = "{simulation.standard.invalid}")
        @Schema(example = "900.00", description = "The new 低保标准, yuan per person and month") BigDecimal newStandard,
        @NotNull(message = "{eligibility.month.required}")
        @Schema(type = "string", example = "2027-01", description = "yyyy-MM") YearMonth month) {
}
