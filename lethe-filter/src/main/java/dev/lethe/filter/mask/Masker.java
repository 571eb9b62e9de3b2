package dev.lethe.filter.mask;

import dev.lethe.filter.Span;
import java.util.List;

/**
 * Replaces detected spans in a text: the anonymizer half of the filter (Presidio's split of analyzer and
 * anonymizer). Implementations are immutable and thread-safe.
 */
public interface Masker {

  /**
   * Masks {@code spans} in {@code text}.
   *
   * @param spans sorted by start, not overlapping, all inside {@code text}
   */
  Redaction mask(String text, List<Span> spans);
}
