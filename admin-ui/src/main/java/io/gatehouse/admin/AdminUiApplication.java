package io.gatehouse.admin;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.PropertySource;

import io.gatehouse.core.PlatformCore;

/**
 * The admin UI as its own process: admins curate the catalog, plans and approvals; product owners read their
 * dashboards. It is the one component that migrates the database.
 */
@SpringBootApplication
@Import(PlatformCore.class)
@EnableConfigurationProperties(AdminProperties.class)
@PropertySource("classpath:gatehouse-admin-defaults.properties")
public class AdminUiApplication {

    public static void main(String[] args) {
        SpringApplication.run(AdminUiApplication.class, args);
    }
}
