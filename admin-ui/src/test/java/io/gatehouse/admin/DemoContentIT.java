package io.gatehouse.admin;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.DefaultApplicationArguments;
import org.springframework.jdbc.core.JdbcTemplate;

import io.gatehouse.admin.demo.DemoContent;
import io.gatehouse.core.apikey.ApiKeyFormat;
import io.gatehouse.core.apikey.ApiKeyHasher;

/** Demo mode seeds a working setup once, with the known key stored only as a hash. */
@AdminTest
class DemoContentIT {

    @Autowired
    DemoContent demo;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ApiKeyHasher hasher;

    @Test
    void seedsPublishedMockApisPlansAccountsAndAnApprovedSubscriptionWithTheKnownKey() {
        assertThat(jdbc.queryForList("select context_path from api where lifecycle = 'PUBLISHED' and mock_mode = true"
                + " and context_path in ('/petstore/v1', '/rates/v1', '/weather/v2') order by context_path",
                String.class)).containsExactly("/petstore/v1", "/rates/v1", "/weather/v2");
        assertThat(jdbc.queryForList("select p.approval_mode from plan p join api a on a.id = p.api_id where"
                + " a.context_path in ('/petstore/v1', '/rates/v1', '/weather/v2') order by p.id", String.class))
                .containsExactly("AUTOMATIC", "MANUAL", "AUTOMATIC", "MANUAL");
        assertThat(jdbc.queryForList("select s.status from subscription s join application a on a.id ="
                + " s.application_id join consumer c on c.id = a.consumer_id where c.email = ? order by s.id",
                String.class, DemoContent.CONSUMER_EMAIL)).containsExactly("APPROVED", "APPROVED", "PENDING");
        assertThat(jdbc.queryForObject("select count(*) from api_operation o join api a on a.current_version_id ="
                + " o.api_version_id where a.context_path = '/petstore/v1' and o.mock_responses like '%Rex%'",
                Integer.class)).isEqualTo(2);

        var parsed = ApiKeyFormat.parse(DemoContent.DEMO_KEY);
        assertThat(parsed).isNotNull();
        assertThat(jdbc.queryForObject("select secret_hash from api_key where key_id = ?", String.class,
                parsed.keyId())).isEqualTo(hasher.hashHex(parsed.secret()));
        assertThat(jdbc.queryForList("select * from api_key").toString()).doesNotContain(parsed.secret());
        assertThat(jdbc.queryForObject("select revision from config_revision", Long.class)).isPositive();
    }

    @Test
    void runningItAgainChangesNothing() throws Exception {
        int audited = jdbc.queryForObject("select count(*) from audit_entry", Integer.class);
        int apis = jdbc.queryForObject("select count(*) from api", Integer.class);
        demo.run(new DefaultApplicationArguments());
        assertThat(jdbc.queryForObject("select count(*) from audit_entry", Integer.class)).isEqualTo(audited);
        assertThat(jdbc.queryForObject("select count(*) from api", Integer.class)).isEqualTo(apis);
        assertThat(jdbc.queryForObject("select count(*) from admin_user where username = ?", Integer.class,
                DemoContent.ADMIN_USERNAME)).isEqualTo(1);
    }
}
