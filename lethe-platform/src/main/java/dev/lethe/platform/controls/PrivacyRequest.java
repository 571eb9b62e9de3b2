package dev.lethe.platform.controls;

import java.time.Instant;

/**
 * A privacy request. {@code status}: {@code awaiting_verification} (a code was sent to the account's
 * email), {@code in_progress} (verified; an access export is being built), {@code completed},
 * {@code rejected} or {@code cancelled}. {@code dueAt} is one calendar month after creation (GDPR).
 * {@code outcome} says what was done, without content. {@code details}: what a correction request
 * asks to correct, in the user's words (null for other kinds); {@code approvedAt}: when an operator
 * approved a correction.
 */
public record PrivacyRequest(
    String id,
    String userId,
    RequestKind kind,
    String status,
    Instant createdAt,
    Instant dueAt,
    Instant verifiedAt,
    Instant completedAt,
    String outcome,
    int stringCount,
    String details,
    Instant approvedAt) {

  /** Whether the request is still open (neither completed, rejected nor cancelled). */
  public boolean open() {
    return status.equals("awaiting_verification") || status.equals("in_progress");
  }
}
