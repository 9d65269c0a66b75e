package cn.dibao.payout;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.format.annotation.DateTimeFormat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A one-off grant to plan, on the 发放 page and the API; the rest of the rules (name length, known
 * programmes and basis, factor range, a month not generated yet, one grant per county and month)
 * are {@link PayoutRunService#createGrant}'s.
 */
@Schema(name = "NewGrant")
public record GrantForm(@NotBlank(message = "{payout.county.unknown}")
                        @Schema(example = "370211000000", description = "12-digit county code") String countyCode,
                        @NotNull(message = "{payout.month.required}") @DateTimeFormat(pattern = "yyyy-MM")
                        @Schema(type = "string", example = "2027-01", description = "yyyy-MM") YearMonth month,
                        @NotBlank(message = "{payout.grant.name}") @Schema(example = "春节一次性生活补贴") String name,
                        @NotEmpty(message = "{payout.grant.programmes}")
                        @Schema(description = "DIBAO, DIBAO_SINGLE and/or TEKUN") List<String> programmes,
                        @NotBlank(message = "{payout.grant.basis}")
                        @Schema(allowableValues = {"STANDARD_MONTHS", "FIXED_PER_PERSON"}) String basis,
                        @NotNull(message = "{payout.grant.factor}") @DecimalMin(value = "0.01", message = "{payout.grant.factor}")
                        @Schema(description = "Months of the standard, or yuan per person", example = "1")
                        BigDecimal factor) {
}
