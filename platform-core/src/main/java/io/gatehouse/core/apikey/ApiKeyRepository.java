package io.gatehouse.core.apikey;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface ApiKeyRepository extends JpaRepository<ApiKey, Long> {

    Optional<ApiKey> findByKeyId(String keyId);

    List<ApiKey> findByApplicationIdOrderByCreatedAtDesc(Long applicationId);

    /** Keys that stop working after {@code now} and by {@code until}, whose consumer has not been told yet. */
    @Query("""
            select k from ApiKey k join fetch k.application a join fetch a.consumer
            where k.status = io.gatehouse.core.apikey.ApiKeyStatus.EXPIRING
              and k.expiresAt > :now and k.expiresAt <= :until and k.expiryNotifiedAt is null
            order by k.expiresAt""")
    List<ApiKey> findExpiringUntold(Instant now, Instant until);

    /** Marks the key as told; 0 when another node told its consumer first. */
    @Modifying(flushAutomatically = true, clearAutomatically = false)
    @Query("update ApiKey k set k.expiryNotifiedAt = :now where k.id = :id and k.expiryNotifiedAt is null")
    int markExpiryTold(Long id, Instant now);
}
