package io.gatehouse.gateway.analytics;

import java.util.UUID;

import org.springframework.jdbc.datasource.DriverManagerDataSource;

class AnalyticsPipelineOnH2Tests extends AnalyticsPipelineContract {

    @Override
    DriverManagerDataSource freshDatabase() {
        return new DriverManagerDataSource("jdbc:h2:mem:analytics-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", "");
    }
}
