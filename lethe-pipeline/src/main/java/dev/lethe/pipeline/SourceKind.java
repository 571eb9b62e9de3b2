package dev.lethe.pipeline;

import java.util.Locale;

/** Where a training document comes from; written as {@code source} in every shard line. */
public enum SourceKind {
  CONVERSATION,
  MEMORY,
  WEB,
  PARTNER;

  private final String id = name().toLowerCase(Locale.ROOT);

  /** The lower-case name used in shards, logs and reports, e.g. {@code conversation}. */
  public String id() {
    return id;
  }

  public static SourceKind fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
