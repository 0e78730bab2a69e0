package io.gatehouse.core.apikey;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface ApiKeyRepository extends JpaRepository<ApiKey, Long> {

    Optional<ApiKey> findByKeyId(String keyId);

    List<ApiKey> findByApplicationIdOrderByCreatedAtDesc(Long applicationId);
}
