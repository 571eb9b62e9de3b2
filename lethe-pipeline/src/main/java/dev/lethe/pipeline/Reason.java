package dev.lethe.pipeline;

import java.util.Locale;

/** Why a record is not in a snapshot: the {@code reason} of each exclusion-log line. */
public enum Reason {
  /**
   * The input line, WARC record or file could not be read: invalid JSON or UTF-8, missing text, a bad WARC
   * record, truncated or corrupt compressed data, a file that cannot be opened, or a record over a read
   * limit ({@code max_record_bytes}, {@code max_json_depth}).
   */
  UNREADABLE,
  /** robots.txt disallows the page for the configured crawler token. */
  ROBOTS_DISALLOWED,
  /** No robots.txt was stored for the site, or it could not be parsed: treated as a complete disallow. */
  ROBOTS_UNAVAILABLE,
  /** The rights holder reserved text and data mining (TDMRep file, header or meta tag). */
  TDM_RESERVED,
  /** The page sits behind a paywall or a login. */
  ACCESS_RESTRICTED,
  /** The site is on the blocklist of people-search and personal-data aggregators. */
  BLOCKED_DOMAIN,
  /** Not a text page (image, PDF, binary). */
  NOT_TEXT,
  /** The partner record's licence is not on the allowlist (or it has none). */
  LICENCE_NOT_ALLOWED,
  /** Nothing left to train on (empty text). */
  EMPTY,
  /**
   * A processing stage failed on this record (the Privacy Filter threw, or ran out of stack on a pathological
   * text): the record cannot be shown to be masked, so it is left out and the build goes on.
   */
  PROCESSING_FAILED,
  /** More personal information than the configured density threshold. */
  PII_DENSITY,
  /** The same normalised text is already in the snapshot under another document id. */
  DUPLICATE_TEXT,
  /** A record with the same document id was already taken (e.g. a URL crawled twice). */
  DUPLICATE_ID,
  /** Removed by deletion propagation: the conversation was deleted. */
  CONVERSATION_DELETED,
  /** Removed by deletion propagation: the account was deleted (or a delete request completed). */
  ACCOUNT_DELETED,
  /** Removed by deletion propagation: the user's do-not-train request completed. */
  DO_NOT_TRAIN,
  /** Removed by deletion propagation: the memory was deleted. */
  MEMORY_DELETED,
  /** Removed by deletion propagation: the memory was edited; its new version enters with the next full build. */
  MEMORY_UPDATED;

  private final String id = name().toLowerCase(Locale.ROOT);

  public String id() {
    return id;
  }

  public static Reason fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }

  /** Whether a copy of the record's content may still be in the snapshot (exact duplicates). */
  public boolean contentKeptElsewhere() {
    return this == DUPLICATE_TEXT || this == DUPLICATE_ID;
  }
}
