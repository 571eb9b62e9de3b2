package dev.lethe.pipeline;

import java.util.Objects;

/**
 * One line of a snapshot shard: only the fields training needs. Every other field of the input (user ids,
 * URLs, headers, timestamps, licences) is dropped before the document is built.
 *
 * @param id       the document id ({@link SourceRecord#id()})
 * @param source   the source kind
 * @param language a BCP 47 primary language tag, or {@code und} when unknown
 * @param text     the text, personal information masked
 */
public record TrainingDocument(String id, SourceKind source, String language, String text) implements java.io.Serializable {
  public TrainingDocument {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(text, "text");
  }

  public TrainingDocument withText(String newText) {
    return new TrainingDocument(id, source, language, newText);
  }
}
