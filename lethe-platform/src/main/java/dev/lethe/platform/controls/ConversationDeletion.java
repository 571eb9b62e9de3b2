package dev.lethe.platform.controls;

import java.time.Instant;

/**
 * The result of deleting a conversation: hidden now, purged by {@code purgeDueAt}. Memories saved
 * from it are not deleted ({@code memoriesKept} of them remain; delete them separately).
 */
public record ConversationDeletion(String conversationId, Instant deletedAt, Instant purgeDueAt, int memoriesKept) {}
