package dev.lethe.train.corpus;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The whitespace between tokens, so that converted text reads like the original and not like token soup.
 * Where the source keeps its text ({@code # text} of UNER, LitBank's original books) the tokens are found
 * in it ({@link #align}); elsewhere spacing is rebuilt by the usual detokenisation rules ({@link
 * #detokenize}). Written by hand: the detokenisers that exist (Moses, NLTK's TreebankWordDetokenizer) are
 * Perl and Python, and the rules needed here are few.
 */
final class Spacing {
  /** Tokens written without a space before them. */
  private static final Set<String> CLOSING = Set.of(",", ".", "!", "?", ";", ":", "%", ")", "]", "}", "...",
      "…", "''", "”", "’", "»", "n't", "N'T");
  /** Tokens written without a space after them. */
  private static final Set<String> OPENING = Set.of("(", "[", "{", "$", "£", "€", "``", "“", "‘", "«", "¿",
      "¡", "#", "@");
  /** Contraction and possessive clitics split off by Penn-style tokenisers ('s, 're, 'll, 've, 'd, 'm). */
  private static final Set<String> CLITICS = Set.of("'s", "'re", "'ll", "'ve", "'d", "'m", "’s", "’re",
      "’ll", "’ve", "’d", "’m", "'S", "'RE", "'LL", "'VE", "'D", "'M");

  private Spacing() {}

  /**
   * The gaps before each token when the tokens occur in order in {@code text}, or {@code null} when one
   * cannot be found. A gap of whitespace holding a blank line becomes {@code "\n"} (a paragraph break), other
   * whitespace one space; characters that are no token (markup such as Gutenberg's {@code _italics_}, at
   * most {@value #MAX_SKIP} in a row) are dropped.
   */
  static List<String> align(String text, List<String> tokens) {
    return align(text, 0, tokens);
  }

  private static List<String> align(String text, int from, List<String> tokens) {
    List<String> gaps = new ArrayList<>(tokens.size());
    int pos = from;
    for (String token : tokens) {
      int at = text.indexOf(token, pos);
      if (at < 0 || skipped(text, pos, at) > MAX_SKIP) {
        return null;
      }
      gaps.add(gap(text, pos, at));
      pos = at + token.length();
    }
    return gaps;
  }

  static final int MAX_SKIP = 3;

  /**
   * Like {@link #align} for tokens that start somewhere inside {@code text} (an excerpt of a book): tries
   * the first {@code tries} occurrences of the first token as the start. Returns the gaps and, as the gap of
   * the first token, nothing: the excerpt starts there.
   */
  static List<String> alignExcerpt(String text, List<String> tokens, int tries) {
    if (tokens.isEmpty()) {
      return List.of();
    }
    int at = text.indexOf(tokens.get(0));
    for (int t = 0; t < tries && at >= 0; t++, at = text.indexOf(tokens.get(0), at + 1)) {
      List<String> gaps = align(text, at, tokens);
      if (gaps != null) {
        return gaps;
      }
    }
    return null;
  }

  private static int skipped(String text, int from, int to) {
    int n = 0;
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (Character.isLetterOrDigit(c)) {
        return Integer.MAX_VALUE;
      }
      if (!Character.isWhitespace(c)) {
        n++;
      }
    }
    return n;
  }

  private static String gap(String text, int from, int to) {
    String between = text.substring(from, to);
    if (between.isEmpty() || between.chars().noneMatch(Character::isWhitespace)) {
      return "";
    }
    return between.replace('\r', '\n').matches("(?s).*\\n[^\\S\\n]*\\n.*") ? "\n" : " ";
  }

  /**
   * Gaps for text rebuilt from tokens alone: no space before closing punctuation, clitics ({@code 's},
   * {@code n't}) and a closing quote; none after opening brackets, currency signs, a lone {@code #} or
   * {@code @} and an opening quote; straight double quotes alternate between opening and closing.
   */
  static List<String> detokenize(List<String> tokens) {
    List<String> gaps = new ArrayList<>(tokens.size());
    boolean quoteOpen = false;
    boolean glueNext = true;
    for (String t : tokens) {
      boolean glue = glueNext;
      glueNext = false;
      if (t.equals("\"")) {
        if (quoteOpen) {
          glue = true;
        } else {
          glueNext = true;
        }
        quoteOpen = !quoteOpen;
      } else if (CLOSING.contains(t) || CLITICS.contains(t) || t.chars().allMatch(c -> c == '.' || c == '!' || c == '?')) {
        glue = true;
      } else if (OPENING.contains(t)) {
        glueNext = true;
      }
      gaps.add(glue ? "" : " ");
    }
    return gaps;
  }
}
