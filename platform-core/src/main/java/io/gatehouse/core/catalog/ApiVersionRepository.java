package io.gatehouse.core.catalog;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiVersionRepository extends JpaRepository<ApiVersion, Long> {

    List<ApiVersion> findByApiIdOrderByImportedAtDesc(Long apiId);
}
