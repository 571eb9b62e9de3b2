package dev.lethe.filter.mask;

import dev.lethe.filter.Span;
import java.util.List;

/** Replaces each span with its label's placeholder, {@code <PRIVATE_EMAIL>}, as OpenAI Privacy Filter does. */
public final class PlaceholderMasker implements Masker {
  @Override
  public Redaction mask(String text, List<Span> spans) {
    return Splicer.splice(text, spans, s -> s.label().placeholder());
  }
}
