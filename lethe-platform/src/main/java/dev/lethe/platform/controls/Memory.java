package dev.lethe.platform.controls;

import java.time.Instant;

/**
 * A memory. {@code trainingEligible} follows the improve-model setting in force when it was saved
 * (or last edited: an edit saves it again).
 */
public record Memory(
    String id, String sourceConversationId, String text, Instant savedAt, Instant updatedAt, boolean trainingEligible) {}
