package dev.lethe.platform.controls;

import java.time.Instant;

/** One append-only audit record: who ({@code actor}), what ({@code action}), when, on what; no content. */
public record AuditEntry(
    long seq, int idx, Instant at, String actor, String action, String userId, String subjectId, String detail) {}
