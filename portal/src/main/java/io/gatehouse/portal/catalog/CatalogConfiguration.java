package io.gatehouse.portal.catalog;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.gatehouse.web.Markdown;
import io.gatehouse.web.MarkdownDialect;

/** Templates render descriptions as {@code th:utext="${#markdown.html(text)}"}, the only unescaped output. */
@Configuration(proxyBeanMethods = false)
class CatalogConfiguration {

    @Bean
    Markdown markdown() {
        return new Markdown();
    }

    @Bean
    MarkdownDialect markdownDialect(Markdown markdown) {
        return new MarkdownDialect(markdown);
    }
}
