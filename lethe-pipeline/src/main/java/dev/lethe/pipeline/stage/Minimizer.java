package dev.lethe.pipeline.stage;

import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.TrainingDocument;
import java.util.function.Function;

/**
 * Data minimisation: keeps only what training needs (the id, the source kind, a language tag and the
 * text) and drops every other field of the record: user pseudonym, URL, headers, HTML, licence, origin.
 * Pure and thread-safe.
 */
public final class Minimizer implements Function<SourceRecord, TrainingDocument> {
  @Override
  public TrainingDocument apply(SourceRecord r) {
    String text = r.text().strip();
    return new TrainingDocument(r.id(), r.kind(), LanguageTag.of(r.language(), text), text);
  }
}
