package io.gatehouse.web;

import java.util.Set;

import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * Makes {@link Markdown} available to templates as {@code #markdown}: {@code th:utext="${#markdown.html(text)}"} is
 * the one way a template may write unescaped HTML. An expression object rather than a bean reference, because
 * Thymeleaf evaluates {@code th:utext} in its restricted mode, which refuses {@code @bean} access.
 */
public final class MarkdownDialect extends AbstractDialect implements IExpressionObjectDialect {

    private final Markdown markdown;

    public MarkdownDialect(Markdown markdown) {
        super("gatehouse-markdown");
        this.markdown = markdown;
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("markdown");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return markdown;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }
}
