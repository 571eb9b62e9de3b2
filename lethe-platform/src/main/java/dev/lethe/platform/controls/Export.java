package dev.lethe.platform.controls;

import java.time.Instant;

/**
 * A data export. {@code status}: {@code pending} while it is built, {@code ready} (downloadable by its
 * owner until {@code expiresAt}), {@code expired} (file removed) or {@code failed}.
 */
public record Export(
    String id, String status, Instant requestedAt, Instant readyAt, Instant expiresAt, Long sizeBytes, String requestId) {

  /**
   * This export as it stands at {@code now}: a ready export whose link has expired is {@code expired}
   * (its file may still await the retention job, but it is no longer offered).
   */
  public Export asOf(Instant now) {
    if (status.equals("ready") && expiresAt != null && !now.isBefore(expiresAt)) {
      return new Export(id, "expired", requestedAt, readyAt, expiresAt, sizeBytes, requestId);
    }
    return this;
  }

  /** Whether it can be downloaded now. */
  public boolean downloadable() {
    return status.equals("ready");
  }
}
