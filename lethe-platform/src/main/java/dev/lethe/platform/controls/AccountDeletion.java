package dev.lethe.platform.controls;

import java.time.Instant;

/**
 * The result of deleting an account: tokens, memories and exports are gone now, conversations are
 * hidden now and purged by {@code purgeDueAt}. Registering again with the same email creates a new,
 * empty account.
 */
public record AccountDeletion(String userId, Instant deletedAt, Instant purgeDueAt, int conversationsHidden) {}
