package dev.lethe.filter.mask;

import dev.lethe.filter.Span;
import java.util.List;

/** Replaces every span with {@code <REDACTED>}, saying nothing about what was there. */
final class RedactMasker implements Masker {
  static final String REDACTED = "<REDACTED>";

  @Override
  public Redaction mask(String text, List<Span> spans) {
    return Splicer.splice(text, spans, s -> REDACTED);
  }
}
