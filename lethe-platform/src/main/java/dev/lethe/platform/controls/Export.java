package dev.lethe.platform.controls;

import java.time.Instant;

/**
 * A data export. {@code status}: {@code pending} while it is built, {@code ready} (downloadable by its
 * owner until {@code expiresAt}), {@code expired} (file removed) or {@code failed}.
 */
public record Export(
    String id, String status, Instant requestedAt, Instant readyAt, Instant expiresAt, Long sizeBytes, String requestId) {}
