package cn.dibao.common.web;

import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.expression.Numbers;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {

    private final Money money = new Money();

    @Test
    void twoDecimalsGroupedByThousands() {
        assertThat(money.format(new BigDecimal("1800.5"))).isEqualTo("1,800.50");
        assertThat(money.format(new BigDecimal("1234567.891"))).isEqualTo("1,234,567.89");
        assertThat(money.format(new BigDecimal("0"))).isEqualTo("0.00");
        assertThat(money.format(new BigDecimal("0.05"))).isEqualTo("0.05");
        assertThat(money.format(new BigDecimal("-980.00"))).isEqualTo("-980.00");
        assertThat(money.format(new BigDecimal("999.995"))).isEqualTo("1,000.00");
    }

    @Test
    void nullStaysNull() {
        assertThat(money.format(null)).isNull();
    }

    /** The text the pages showed with {@code #numbers.formatDecimal(x, 1, 'COMMA', 2, 'POINT')}, in both languages. */
    @Test
    void sameTextAsTheThymeleafExpressionItReplaces() {
        for (Locale locale : new Locale[] {Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH, Locale.GERMANY}) {
            Numbers numbers = new Numbers(locale);
            for (String s : new String[] {"0", "0.1", "1", "12.345", "12.355", "999.99", "1000", "1800.50", "-1800.5",
                    "855.00", "123456789.01", "0.005", "0.015"}) {
                BigDecimal x = new BigDecimal(s);
                assertThat(money.format(x)).as("%s in %s", s, locale)
                        .isEqualTo(numbers.formatDecimal(x, 1, "COMMA", 2, "POINT"));
            }
        }
    }

    @Test
    void templatesCallItAsHashMoney() {
        SpringTemplateEngine engine = new SpringTemplateEngine();
        engine.setTemplateResolver(new StringTemplateResolver() {{ setTemplateMode(TemplateMode.HTML); }});
        engine.addDialect(new MoneyDialect());
        Context context = new Context(Locale.SIMPLIFIED_CHINESE, Map.of("a", new BigDecimal("1800.5")));
        String html = engine.process("<td th:text=\"${#money.format(a)}\"></td><td th:text=\"${#money.format(b) ?: '—'}\"></td>", context);
        assertThat(html).isEqualTo("<td>1,800.50</td><td>—</td>");
    }
}
