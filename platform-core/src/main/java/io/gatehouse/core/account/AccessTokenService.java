package io.gatehouse.core.account;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import io.gatehouse.core.apikey.ApiKeyHasher;
import io.gatehouse.core.apikey.ParsedApiKey;
import io.gatehouse.core.apikey.TokenFormat;
import io.gatehouse.core.audit.Actor;
import io.gatehouse.core.audit.AuditLog;

/**
 * Personal access tokens for the admin REST API: {@code gthp_<token id>_<secret><checksum>}, in the same format and
 * with the same keyed hash as API keys, shown once. A token acts with its owner's role.
 */
@Service
public class AccessTokenService {

    static final TokenFormat FORMAT = new TokenFormat("gthp_");

    /** A freshly created token with its plaintext: show it once; {@link #toString()} masks it. */
    public record IssuedAccessToken(String plaintext, AccessToken token) {

        @Override
        public String toString() {
            return "IssuedAccessToken[" + token.masked() + "]";
        }
    }

    private final AccessTokenRepository tokens;
    private final AdminUserRepository users;
    private final ApiKeyHasher hasher;
    private final AuditLog audit;
    private final SecureRandom random = new SecureRandom();

    AccessTokenService(AccessTokenRepository tokens, AdminUserRepository users, ApiKeyHasher hasher, AuditLog audit) {
        this.tokens = tokens;
        this.users = users;
        this.hasher = hasher;
        this.audit = audit;
    }

    @Transactional
    public IssuedAccessToken issue(String username, String name, Instant expiresAt, Actor actor) {
        if (name == null || name.isBlank() || name.length() > 100) {
            throw new IllegalArgumentException("Name the token (at most 100 characters), e.g. after the pipeline using it.");
        }
        AdminUser owner = users.findByUsername(username).orElseThrow();
        String plaintext = FORMAT.generate(random);
        ParsedApiKey parts = FORMAT.parse(plaintext, ParsedApiKey::new);
        AccessToken token = tokens.save(new AccessToken(owner, name.trim(), parts.keyId(), hasher.hashHex(parts.secret()),
                parts.lastFour(), expiresAt));
        audit.record(actor, "accesstoken.created", "access_token", token.getTokenId(), token.getName());
        return new IssuedAccessToken(plaintext, token);
    }

    /** The admin account a bearer token stands for, or empty: malformed, unknown, revoked, expired or disabled. */
    @Transactional
    public Optional<AdminUser> authenticate(String bearer) {
        ParsedApiKey parts = FORMAT.parse(bearer, ParsedApiKey::new);
        if (parts == null) {
            return Optional.empty();
        }
        Instant now = Instant.now();
        return tokens.findByTokenId(parts.keyId())
                .filter(token -> hasher.matches(parts.secret(), ApiKeyHasher.fromHex(token.getSecretHash())))
                .filter(token -> token.isUsableAt(now))
                .map(token -> {
                    token.used(now);
                    return token.getOwner();
                });
    }

    @Transactional(readOnly = true)
    public List<AccessToken> tokensOf(String username) {
        return users.findByUsername(username).map(user -> tokens.findByOwnerIdOrderByCreatedAtDesc(user.getId()))
                .orElse(List.of());
    }

    /** Revokes one of the user's own tokens; another user's token id finds nothing. */
    @Transactional
    public void revoke(String username, long tokenRowId, Actor actor) {
        AccessToken token = tokens.findById(tokenRowId)
                .filter(t -> t.getOwner().getUsername().equals(username))
                .orElseThrow(() -> new IllegalArgumentException("No such token."));
        token.revoke();
        audit.record(actor, "accesstoken.revoked", "access_token", token.getTokenId(), token.getName());
    }
}
