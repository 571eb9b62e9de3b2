package dev.lethe.platform.training;

import java.time.Instant;

/**
 * A string a user asked to keep out of model outputs ("remove my personal data from model
 * outputs"). The Privacy Filter masks it and the snapshot builder drops or masks records holding it.
 *
 * @param seq the change-feed position at which it became active
 */
public record SuppressionEntry(String entryId, String userId, String requestId, String text, long seq, Instant addedAt) {}
