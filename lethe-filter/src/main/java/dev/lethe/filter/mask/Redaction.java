package dev.lethe.filter.mask;

import java.util.List;

/**
 * The result of masking one text.
 *
 * @param text         the masked text
 * @param replacements one entry per masked span, in document order (offsets refer to the input text)
 */
public record Redaction(String text, List<Replacement> replacements) {
  public Redaction {
    replacements = List.copyOf(replacements);
  }
}
