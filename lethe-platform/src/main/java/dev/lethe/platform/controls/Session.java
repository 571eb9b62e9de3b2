package dev.lethe.platform.controls;

import java.time.Instant;

/**
 * A signed-in session: one bearer token of a user, known by its id (the token itself is never
 * stored). It works until {@code expiresAt} or until revoked.
 */
public record Session(String userId, String tokenId, Instant createdAt, Instant expiresAt) {}
