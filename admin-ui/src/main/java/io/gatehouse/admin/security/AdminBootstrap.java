package io.gatehouse.admin.security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import io.gatehouse.admin.AdminProperties;
import io.gatehouse.core.account.AccountService;
import io.gatehouse.core.account.AdminRole;
import io.gatehouse.core.account.AdminUserRepository;
import io.gatehouse.core.audit.Actor;

/** Creates the first admin account from configuration when the database has none, so a new install can be entered. */
@Component
@Order(0)
class AdminBootstrap implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(AdminBootstrap.class);

    private final AdminProperties properties;
    private final AdminUserRepository users;
    private final AccountService accounts;

    AdminBootstrap(AdminProperties properties, AdminUserRepository users, AccountService accounts) {
        this.properties = properties;
        this.users = users;
        this.accounts = accounts;
    }

    @Override
    public void run(ApplicationArguments args) {
        String username = properties.bootstrapUsername();
        if (username == null || username.isBlank() || users.count() > 0) {
            return;
        }
        accounts.createAdminUser(username.trim(), "Administrator", properties.bootstrapPassword(), AdminRole.ADMIN,
                Actor.system("bootstrap"));
        log.info("Created the first admin account '{}' from gatehouse.admin.bootstrap-username", username.trim());
    }
}
