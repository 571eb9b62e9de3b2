package dev.lethe.filter.mask;

import dev.lethe.filter.Span;
import java.util.HexFormat;
import java.util.List;

/**
 * Replaces each span with its label and a keyed pseudonym, {@code <PRIVATE_EMAIL:3f9a1c0b7d2e>}: the first
 * 48 bits of HMAC-SHA256 under the key's {@code lethe/hash/v1} subkey of the label and the {@link
 * ValueNormalizer normalised} value. The same value gets the same pseudonym in every text masked with the
 * same key, so records can be joined, and another under another key; without the key the pseudonym cannot
 * be recomputed from a guessed value.
 */
final class HashMasker implements Masker {
  /**
   * Hex digits kept: 48 bits. By the birthday bound two values of one label are likely to share a pseudonym
   * only once some 16 million distinct values have been masked under one key.
   */
  static final int HEX_DIGITS = 12;

  private final KeyedHash hash;
  private final ValueNormalizer normalizer;

  HashMasker(MaskKey key, ValueNormalizer normalizer) {
    this.hash = new KeyedHash(key, "lethe/hash/v1");
    this.normalizer = normalizer;
  }

  @Override
  public Redaction mask(String text, List<Span> spans) {
    return Splicer.splice(text, spans, s -> {
      byte[] mac = hash.of(s.label(), normalizer.normalize(s.label(), s.textIn(text)));
      return "<" + s.label().name() + ":" + HexFormat.of().formatHex(mac, 0, HEX_DIGITS / 2) + ">";
    });
  }
}
