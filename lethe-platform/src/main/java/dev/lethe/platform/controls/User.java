package dev.lethe.platform.controls;

import java.time.Instant;

/** A live account. */
public record User(String id, String email, String displayName, Instant createdAt, Settings settings) {}
