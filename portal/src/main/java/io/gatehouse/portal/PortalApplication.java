package io.gatehouse.portal;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

import io.gatehouse.core.PlatformCore;

/** The developer portal as its own process: consumers browse the catalog, manage applications, keys and usage. */
@SpringBootApplication
@Import(PlatformCore.class)
@EnableConfigurationProperties(PortalProperties.class)
@PropertySource("classpath:gatehouse-portal-defaults.properties")
public class PortalApplication {

    public static void main(String[] args) {
        SpringApplication.run(PortalApplication.class, args);
    }
}
