package dev.lethe.platform.controls;

import java.time.Duration;

/**
 * How long things are kept.
 *
 * @param temporaryChat a temporary chat is purged this long after it started (kept for safety review)
 * @param deletionGrace a deleted conversation or account is purged this long after the deletion
 * @param exportLink an export's download link works this long after the export is ready
 * @param session a bearer token works this long after it is issued (then the user signs in again)
 */
public record RetentionPolicy(Duration temporaryChat, Duration deletionGrace, Duration exportLink, Duration session) {
  /**
   * 30 days for temporary chats and deletions, 24 hours for export links: what users are promised;
   * sessions of 30 days.
   */
  public static final RetentionPolicy PROMISED =
      new RetentionPolicy(Duration.ofDays(30), Duration.ofDays(30), Duration.ofHours(24), Duration.ofDays(30));
}
