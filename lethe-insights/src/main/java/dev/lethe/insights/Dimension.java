package dev.lethe.insights;

import java.util.Locale;

/** What a usage insight is broken down by. A conversation has one value of each, except several features. */
public enum Dimension {
  /** Keyword-cluster topic of the masked text ({@link Topics}). */
  TOPIC,
  /** Language tag guessed from the masked text (en, de, fr, es, it, pt, nl, und). */
  LANGUAGE,
  /** Number of user turns, bucketed: 1, 2-3, 4-7, 8-15, 16+. */
  LENGTH,
  /** Features used: tool_use, system_prompt, code, multi_turn; plain when none. */
  FEATURE,
  /** UTC day the conversation started, ISO (2026-11-03). */
  DAY,
  /** ISO week the conversation started (2026-W45). */
  WEEK;

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The dimension named {@code id} (case-insensitive), with an error that lists the valid ones. */
  public static Dimension parse(String id) {
    for (Dimension d : values()) {
      if (d.id().equalsIgnoreCase(id.trim())) {
        return d;
      }
    }
    throw new IllegalArgumentException("unknown dimension '" + id + "' (topic, language, length, feature, day, week)");
  }
}
