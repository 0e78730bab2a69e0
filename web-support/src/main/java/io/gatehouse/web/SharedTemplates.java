package io.gatehouse.web;

import java.time.Clock;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/**
 * Templates both web UIs use, under {@code shared/}: the page head and footer, and the login page. Resolved before
 * each UI's own templates, and only for names under {@code shared/}. Also the {@code times} helper for templates.
 */
@AutoConfiguration
public class SharedTemplates {

    /** One per application, so both UIs' login forms count failures the same way. */
    @Bean
    @ConditionalOnMissingBean
    LoginThrottle loginThrottle() {
        return new LoginThrottle(Clock.systemUTC());
    }

    @Bean
    Times times() {
        return new Times();
    }

    @Bean
    ClassLoaderTemplateResolver gatehouseSharedTemplateResolver() {
        ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
        resolver.setPrefix("gatehouse-web/templates/");
        resolver.setSuffix(".html");
        resolver.setTemplateMode(TemplateMode.HTML);
        resolver.setCharacterEncoding("UTF-8");
        resolver.getResolvablePatternSpec().addPattern("shared/*");
        resolver.setCheckExistence(true);
        resolver.setOrder(0);
        return resolver;
    }
}
