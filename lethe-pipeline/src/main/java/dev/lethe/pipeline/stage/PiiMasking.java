package dev.lethe.pipeline.stage;

import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.mask.Redaction;
import dev.lethe.filter.mask.Replacement;
import dev.lethe.pipeline.TrainingDocument;
import java.util.function.Function;

/**
 * Runs the Privacy Filter over a document: detection at the configured operating point, masking in the
 * configured style, and the suppression list of privacy requests (matched case- and spacing-insensitively
 * by the filter). Pure given the filter, which is immutable and thread-safe.
 */
public final class PiiMasking implements Function<TrainingDocument, PiiMasking.Masked> {
  /** The masked document and what was masked in it. */
  public record Masked(TrainingDocument document, PiiStats stats) {}

  private final PrivacyFilter filter;

  public PiiMasking(PrivacyFilter filter) {
    this.filter = filter;
  }

  @Override
  public Masked apply(TrainingDocument doc) {
    Redaction r = filter.redact(doc.text());
    int[] perLabel = new int[dev.lethe.filter.Label.values().length];
    for (Replacement rep : r.replacements()) {
      perLabel[rep.span().label().ordinal()]++;
    }
    return new Masked(doc.withText(r.text()), new PiiStats(perLabel, doc.text().length()));
  }

  public PrivacyFilter filter() {
    return filter;
  }
}
