package dev.lethe.platform.controls;

import java.time.Instant;

/**
 * A conversation as its owner sees it.
 *
 * @param trainingEligible decided when it started: the improve-model setting then, and never for a
 *     temporary chat; only a do-not-train request turns it off later
 * @param purgeDueAt when it will be purged (temporary chats), or null
 */
public record Conversation(
    String id,
    String userId,
    String title,
    Instant startedAt,
    boolean temporary,
    boolean trainingEligible,
    Instant archivedAt,
    Instant purgeDueAt) {}
