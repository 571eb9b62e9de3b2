package dev.lethe.train.corpus;

import java.util.List;

/**
 * A run of tokens laid out as text: {@code gaps.get(i)} is the whitespace written before token {@code i}
 * ({@code ""}, {@code " "} or {@code "\n"}; the first gap is replaced by the separator between sentences),
 * and the mentions over its tokens, possibly nested.
 */
record Sentence(List<String> tokens, List<String> gaps, List<Mention> mentions) {
  Sentence {
    tokens = List.copyOf(tokens);
    gaps = List.copyOf(gaps);
    mentions = List.copyOf(mentions);
    if (gaps.size() != tokens.size()) {
      throw new IllegalArgumentException(tokens.size() + " tokens but " + gaps.size() + " gaps");
    }
    for (Mention m : mentions) {
      if (m.end() > tokens.size()) {
        throw new IllegalArgumentException("mention " + m + " beyond " + tokens.size() + " tokens");
      }
    }
  }

  /**
   * A sentence of tagged tokens: the tags (BIO, IOB1 or BIOES, see {@link BioTags}) give the mentions; the
   * spacing comes from the sentence's original {@code text} when it has one and the tokens can be found in
   * it in order, otherwise from {@link Spacing#detokenize}.
   */
  static Sentence tagged(List<String> tokens, List<String> tags, String text) {
    List<String> gaps = text == null ? null : Spacing.align(text, tokens);
    return new Sentence(tokens, gaps != null ? gaps : Spacing.detokenize(tokens), BioTags.mentions(tags));
  }
}
