package io.gatehouse.allinone;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class H2CacheTests {

    private static final long MB = 1024 * 1024;

    @Test
    void theCacheIsASixteenthOfTheHeapAndNeverBelowH2sOwnDefault() {
        assertThat(GatehouseAllInOne.h2CacheKilobytes(null, 2048 * MB)).isEqualTo(128 * 1024);
        assertThat(GatehouseAllInOne.h2CacheKilobytes(null, 6144 * MB)).isEqualTo(384 * 1024);
        assertThat(GatehouseAllInOne.h2CacheKilobytes(null, 128 * MB)).as("H2's default").isEqualTo(16 * 1024);
    }

    @Test
    void anOperatorMaySetItInMegabytes() {
        assertThat(GatehouseAllInOne.h2CacheKilobytes(" 64 ", 2048 * MB)).isEqualTo(64 * 1024);
    }
}
