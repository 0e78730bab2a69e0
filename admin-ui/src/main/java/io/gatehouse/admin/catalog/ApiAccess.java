package io.gatehouse.admin.catalog;

import io.gatehouse.core.account.AdminRole;
import io.gatehouse.core.account.AdminUser;

/** Who may manage an Api, in the UI and the REST API alike: every admin, and the product owner who owns it. */
public final class ApiAccess {

    private ApiAccess() {
    }

    public static boolean mayManage(AdminUser user, Long apiOwnerId) {
        return user.getRole() == AdminRole.ADMIN || user.getId().equals(apiOwnerId);
    }
}
