package io.gatehouse.core.catalog;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiRepository extends JpaRepository<Api, Long> {

    Optional<Api> findByContextPath(String contextPath);

    List<Api> findByLifecycleInOrderByNameAsc(Collection<ApiLifecycle> lifecycles);

    long countByLifecycle(ApiLifecycle lifecycle);
}
