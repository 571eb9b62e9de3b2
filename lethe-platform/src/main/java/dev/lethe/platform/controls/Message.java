package dev.lethe.platform.controls;

import java.time.Instant;

/** One message of a conversation; {@code ordinal} counts from 1 in the order they were added. */
public record Message(int ordinal, String role, String text, Instant createdAt) {}
