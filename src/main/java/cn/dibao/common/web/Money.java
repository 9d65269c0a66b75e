package cn.dibao.common.web;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * How every page and notice writes an amount of money: two decimals, grouped by thousands with a
 * comma and a point before the fen, whatever the language ({@code 1,800.50}). Templates call it as
 * {@code ${#money.format(x)}} (see {@link MoneyDialect}), which also works where a notice is
 * rendered to PDF outside a web request. Stateless; one shared instance serves every template.
 */
public final class Money {

    /**
     * The amount as {@code 1,800.50}; {@code null} stays {@code null}, so {@code th:text} shows
     * nothing and {@code ${#money.format(x) ?: '—'}} shows a dash.
     */
    public String format(BigDecimal amount) {
        if (amount == null) {
            return null;
        }
        // DecimalFormat is not thread-safe: one a call (cheap next to rendering a page)
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_EVEN);
        return f.format(amount);
    }
}
