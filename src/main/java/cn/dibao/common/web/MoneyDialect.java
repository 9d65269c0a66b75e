package cn.dibao.common.web;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;
import org.springframework.stereotype.Component;

import java.util.Set;

/**
 * The expression object {@code #money} ({@link Money}) in every template. A dialect rather than a
 * bean ({@code @money}) because notices are also rendered to PDF with a plain Thymeleaf context,
 * where bean references do not resolve.
 */
@Component
class MoneyDialect extends AbstractDialect implements IExpressionObjectDialect {

    static final String NAME = "money";
    private static final Money MONEY = new Money();

    MoneyDialect() {
        super("Dibao money");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of(NAME);
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return NAME.equals(expressionObjectName) ? MONEY : null;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
