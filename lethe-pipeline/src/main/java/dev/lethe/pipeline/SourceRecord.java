package dev.lethe.pipeline;

import java.util.Objects;

/**
 * One input record as a source read it, before any policy: the unit the conservation check counts. Every
 * source record ends up either as a {@link TrainingDocument} in a snapshot or as an {@link Exclusion}.
 *
 * @param id         the document id: a keyed pseudonym of the record's natural key (see {@link Pseudonyms}),
 *                   the same in every snapshot built with the same key
 * @param kind       which source it came from
 * @param origin     where it was read: {@code file:line}, {@code file@offset} or {@code store}; no content
 * @param text       the raw text, or null when the record could not be read
 * @param language   a language tag the source declared (HTTP Content-Language, a {@code lang} field), or null
 * @param subject    keyed pseudonym of the user the record belongs to (conversations, memories), else null
 * @param web        crawl metadata of a web page, else null
 * @param licence    the licence or terms of a partner record, else null
 * @param unreadable why the record could not be read (invalid JSON, invalid UTF-8, missing text, bad WARC
 *                   record), else null
 */
public record SourceRecord(String id, SourceKind kind, String origin, String text, String language,
    String subject, WebPage web, String licence, String unreadable) implements java.io.Serializable {

  public SourceRecord {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(origin, "origin");
    if ((text == null) == (unreadable == null)) {
      throw new IllegalArgumentException("a record has either text or an unreadable reason: " + origin);
    }
  }

  /** A record that could not be read: it goes to the exclusion log with {@code why}. */
  public static SourceRecord unreadable(String id, SourceKind kind, String origin, String why) {
    return new SourceRecord(id, kind, origin, null, null, null, null, null, why);
  }

  /** The same record with other text (canaries are planted this way). */
  public SourceRecord withText(String newText) {
    return new SourceRecord(id, kind, origin, newText, language, subject, web, licence, unreadable);
  }
}
