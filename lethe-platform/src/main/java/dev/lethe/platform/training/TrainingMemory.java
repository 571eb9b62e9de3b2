package dev.lethe.platform.training;

import java.time.Instant;

/**
 * A memory eligible for training: saved (or last edited) while its user had "improve the model" on,
 * and not excluded since.
 */
public record TrainingMemory(String memoryId, String userId, String text, Instant savedAt) {}
