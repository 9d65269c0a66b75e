package cn.dibao.payout;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;

/**
 * A one-off grant paid with a month's run to the benefits of the listed programmes, e.g. the
 * 春节一次性生活补贴 of one month's 低保 standard per person (seed 003): {@code STANDARD_MONTHS} pays
 * {@code factor} × the standard in force × the benefit's persons, {@code FIXED_PER_PERSON} pays
 * {@code factor} yuan per person; rounded once by the local rule.
 */
public record PayoutGrant(long id, String countyCode, YearMonth month, String name, List<String> programmes,
                          String basis, BigDecimal factor, String createdBy) {
}
