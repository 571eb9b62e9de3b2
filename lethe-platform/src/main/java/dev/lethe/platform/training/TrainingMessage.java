package dev.lethe.platform.training;

import java.time.Instant;

/**
 * One message of an eligible conversation.
 *
 * @param ordinal position in the conversation, from 1
 * @param role {@code user}, {@code assistant}, {@code system} or {@code tool}
 * @param text the raw text, personal information included: the snapshot builder must filter it
 */
public record TrainingMessage(int ordinal, String role, String text, Instant createdAt) {}
