package dev.lethe.filter.mask;

import dev.lethe.filter.Span;
import java.util.List;

/**
 * Replaces each span with a numbered placeholder, {@code <PRIVATE_PERSON_1>}; values equal after {@link
 * ValueNormalizer normalisation} get the same number within one text, so a reader can still tell who did
 * what.
 */
final class NumberedMasker implements Masker {
  private final ValueNormalizer normalizer;

  NumberedMasker(ValueNormalizer normalizer) {
    this.normalizer = normalizer;
  }

  @Override
  public Redaction mask(String text, List<Span> spans) {
    Numbering numbering = new Numbering(Numbering.literalPlaceholders(text, spans));
    return Splicer.splice(text, spans, s -> Numbering.placeholder(s.label(),
        numbering.number(s.label(), normalizer.normalize(s.label(), s.textIn(text)))));
  }
}
