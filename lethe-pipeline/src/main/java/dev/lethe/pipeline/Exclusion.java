package dev.lethe.pipeline;

import java.util.Objects;

/**
 * One line of the exclusion log: a record that is not in the snapshot and why. Never content: no text, no
 * raw user id, no suppressed string.
 *
 * @param id     the record's document id
 * @param source its source kind
 * @param origin where it was read ({@code file:line}, {@code file@offset}, {@code store})
 * @param reason why it was excluded
 * @param detail a short content-free explanation (the robots rule, the licence, the parse error), or null
 */
public record Exclusion(String id, SourceKind source, String origin, Reason reason, String detail) implements java.io.Serializable {
  public Exclusion {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(origin, "origin");
    Objects.requireNonNull(reason, "reason");
  }

  public static Exclusion of(SourceRecord r, Reason reason, String detail) {
    return new Exclusion(r.id(), r.kind(), r.origin(), reason, detail);
  }
}
