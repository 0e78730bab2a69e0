package io.gatehouse.core.account;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

public interface AccessTokenRepository extends JpaRepository<AccessToken, Long> {

    Optional<AccessToken> findByTokenId(String tokenId);

    List<AccessToken> findByOwnerIdOrderByCreatedAtDesc(Long ownerId);
}
