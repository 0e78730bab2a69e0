package io.gatehouse.core;

import org.springframework.boot.autoconfigure.domain.EntityScan;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.ComponentScan;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;

import io.gatehouse.core.analytics.AnalyticsProperties;
import io.gatehouse.core.apikey.ApiKeyProperties;

/** Imported by the portal and the admin UI: the domain, its repositories and the services that own its rules. */
@Configuration(proxyBeanMethods = false)
@ComponentScan
@EntityScan
@EnableJpaRepositories
@EnableConfigurationProperties({ApiKeyProperties.class, AnalyticsProperties.class})
public class PlatformCore {
}
