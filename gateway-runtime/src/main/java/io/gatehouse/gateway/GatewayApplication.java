package io.gatehouse.gateway;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.PropertySource;

import io.gatehouse.core.apikey.ApiKeyHasher;
import io.gatehouse.core.apikey.ApiKeyProperties;

/**
 * The gateway as its own process. Spring wires configuration, the JDBC pool and metrics; requests never
 * pass through Spring: they run on Undertow's IO threads over an in-memory snapshot.
 */
@SpringBootApplication
@EnableConfigurationProperties({GatewayProperties.class, ApiKeyProperties.class})
@PropertySource("classpath:gatehouse-gateway-defaults.properties")
public class GatewayApplication {

    @Bean
    ApiKeyHasher apiKeyHasher(ApiKeyProperties keys) {
        return new ApiKeyHasher(keys.pepper());
    }

    public static void main(String[] args) {
        SpringApplication application = new SpringApplication(GatewayApplication.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        application.run(args);
    }
}
