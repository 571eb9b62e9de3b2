package dev.lethe.filter.mask;

import java.util.List;

/**
 * The result of masking one text.
 *
 * @param text         the masked text
 * @param replacements one entry per masked span, in document order (offsets refer to the input text)
 * @param vault        for the reversible style, the vault that restores this text and the earlier texts of
 *                     its conversation; {@code null} for the one-way styles
 */
public record Redaction(String text, List<Replacement> replacements, Vault vault) {
  public Redaction {
    replacements = List.copyOf(replacements);
  }

  /** A redaction by a one-way style, without vault. */
  public Redaction(String text, List<Replacement> replacements) {
    this(text, replacements, null);
  }
}
