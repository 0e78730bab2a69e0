package io.gatehouse.core;

import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.context.annotation.Import;

/** The smallest application around platform-core: what the persistence tests start. */
@SpringBootConfiguration
@EnableAutoConfiguration
@Import(PlatformCore.class)
class CoreTestApplication {
}
