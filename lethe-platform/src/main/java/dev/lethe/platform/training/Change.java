package dev.lethe.platform.training;

import java.time.Instant;

/**
 * One entry of the change feed: something that happened after a snapshot and may require a later
 * snapshot to drop data it took before.
 *
 * @param seq position in the feed: non-decreasing (changes made by one transaction share it); the
 *     largest seen is a valid next watermark only once the whole feed of a view is read
 * @param kind what happened
 * @param userId whose data it concerns (never null)
 * @param subjectId the conversation, memory or suppression entry concerned; null for user-level kinds
 * @param enabled the new value, for {@link Kind#TRAINING_SETTING_CHANGED}; otherwise null
 * @param text the suppressed string, for {@link Kind#SUPPRESSION_ADDED}; otherwise null
 */
public record Change(long seq, Instant at, Kind kind, String userId, String subjectId, Boolean enabled, String text) {

  /** What a change means for data already taken into a snapshot. */
  public enum Kind {
    /** The conversation was deleted: drop it. */
    CONVERSATION_DELETED,
    /** The account was deleted: drop every conversation and memory of the user. */
    ACCOUNT_DELETED,
    /**
     * "Improve the model" was turned on or off. Informational: it changes only conversations started
     * afterwards, which the next view already reflects; nothing taken before needs dropping.
     */
    TRAINING_SETTING_CHANGED,
    /** A do-not-train request completed: drop every conversation and memory of the user taken before. */
    DO_NOT_TRAIN,
    /** A delete request completed (an {@link #ACCOUNT_DELETED} change accompanies it): drop everything. */
    DELETE_REQUEST_COMPLETED,
    /** The memory was deleted: drop it. */
    MEMORY_DELETED,
    /** The memory was edited: replace it with the version in the next view, or drop it if absent there. */
    MEMORY_UPDATED,
    /** A string joined the suppression list: mask or drop records containing it. */
    SUPPRESSION_ADDED
  }
}
