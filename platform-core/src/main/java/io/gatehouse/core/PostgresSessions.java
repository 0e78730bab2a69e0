package io.gatehouse.core;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.stereotype.Component;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Turns PostgreSQL's JIT compilation off for the platform's connections (unless connections already run an init
 * statement of their own). The planner compiles any query it costs above 100,000, as the dashboards' grouped
 * queries over a month of rollups are, and the compilation then took longer than the query itself (docs/benchmarks.md).
 */
@Component
class PostgresSessions implements BeanPostProcessor {

    static final String INIT = "set jit = off";

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof HikariDataSource pool && pool.getJdbcUrl() != null
                && pool.getJdbcUrl().startsWith("jdbc:postgresql:") && pool.getConnectionInitSql() == null) {
            pool.setConnectionInitSql(INIT);
        }
        return bean;
    }
}
