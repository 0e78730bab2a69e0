package io.gatehouse.core.subscription;

import static io.gatehouse.core.subscription.SubscriptionStatus.APPROVED;
import static io.gatehouse.core.subscription.SubscriptionStatus.PENDING;
import static io.gatehouse.core.subscription.SubscriptionStatus.REJECTED;
import static io.gatehouse.core.subscription.SubscriptionStatus.REVOKED;
import static io.gatehouse.core.subscription.SubscriptionStatus.SUSPENDED;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

class SubscriptionStatusTests {

    private static final Map<SubscriptionStatus, Set<SubscriptionStatus>> ALLOWED = Map.of(
            PENDING, EnumSet.of(APPROVED, REJECTED),
            APPROVED, EnumSet.of(SUSPENDED, REVOKED),
            SUSPENDED, EnumSet.of(APPROVED, REVOKED),
            REJECTED, EnumSet.noneOf(SubscriptionStatus.class),
            REVOKED, EnumSet.noneOf(SubscriptionStatus.class));

    @Test
    void everyTransitionIsAllowedExactlyAsTheStateMachineSays() {
        for (SubscriptionStatus from : SubscriptionStatus.values()) {
            for (SubscriptionStatus to : SubscriptionStatus.values()) {
                assertThat(from.canMoveTo(to)).as("%s -> %s", from, to).isEqualTo(ALLOWED.get(from).contains(to));
            }
        }
    }

    @Test
    void onlyUnfinishedSubscriptionsAreLive() {
        assertThat(EnumSet.allOf(SubscriptionStatus.class)).filteredOn(SubscriptionStatus::isLive)
                .containsExactlyInAnyOrder(PENDING, APPROVED, SUSPENDED);
    }
}
