package cn.dibao.benefit;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.YearMonth;

/**
 * The recalculation of a county's benefits for the standards in force from {@code month}: how many
 * were looked at, changed (one new version each), and skipped (no basis: to be adjusted by hand),
 * with the monthly sum before and after.
 */
public record Recalculation(long id, String countyCode, YearMonth month, int examined, int changed, int skipped,
                            BigDecimal amountBefore, BigDecimal amountAfter, String createdBy, Instant createdAt) {
}
