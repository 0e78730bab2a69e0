package io.gatehouse.gateway.analytics;

import java.util.UUID;

class AnalyticsPipelineOnH2Tests extends AnalyticsPipelineContract {

    @Override
    String[] freshDatabase() {
        return new String[] {"jdbc:h2:mem:analytics-" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DB_CLOSE_DELAY=-1", "sa", ""};
    }
}
