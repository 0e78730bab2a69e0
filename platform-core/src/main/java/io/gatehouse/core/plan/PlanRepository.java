package io.gatehouse.core.plan;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface PlanRepository extends JpaRepository<Plan, Long> {

    List<Plan> findByApiIdOrderByNameAsc(Long apiId);

    /** The plans consumers may subscribe to. */
    List<Plan> findByApiIdAndOfferedTrueOrderByNameAsc(Long apiId);
}
