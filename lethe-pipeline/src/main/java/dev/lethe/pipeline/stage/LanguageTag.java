package dev.lethe.pipeline.stage;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * A primary language tag for a text: a declared one when the source gave it, else a guess from the most
 * frequent function words of English, German, French, Spanish, Italian, Portuguese and Dutch in the first
 * 2,000 characters; {@code und} when too few are found. Deliberately small: the tag routes documents to
 * per-language mixtures, it is not a classifier. Stateless and thread-safe.
 */
public final class LanguageTag {
  private static final Map<String, String[]> WORDS = Map.of(
      "en", new String[] {"the", "and", "is", "to", "of", "you", "my", "for", "it", "with", "this", "that", "can"},
      "de", new String[] {"der", "die", "und", "ist", "nicht", "ich", "mit", "das", "ein", "eine", "zu", "sie"},
      "fr", new String[] {"le", "la", "les", "et", "est", "je", "pour", "une", "des", "pas", "vous", "dans"},
      "es", new String[] {"el", "los", "las", "y", "es", "por", "una", "con", "para", "que", "mi", "del"},
      "it", new String[] {"il", "di", "che", "è", "per", "una", "sono", "con", "non", "gli", "della", "mio"},
      "pt", new String[] {"o", "os", "e", "é", "um", "uma", "não", "com", "para", "do", "da", "meu"},
      "nl", new String[] {"de", "het", "een", "en", "is", "niet", "ik", "met", "van", "je", "dat", "op"});
  private static final Map<String, String[]> BY_WORD = new HashMap<>();

  static {
    WORDS.forEach((lang, words) -> {
      for (String w : words) {
        BY_WORD.merge(w, new String[] {lang}, (a, b) -> {
          String[] c = java.util.Arrays.copyOf(a, a.length + 1);
          c[a.length] = b[0];
          return c;
        });
      }
    });
  }

  private LanguageTag() {}

  /** {@code declared}'s primary subtag when given, else a guess from {@code text}. */
  public static String of(String declared, String text) {
    if (declared != null && !declared.isBlank()) {
      String primary = declared.strip().split("[-_,;\\s]")[0].toLowerCase(Locale.ROOT);
      if (primary.matches("[a-z]{2,3}")) {
        return primary;
      }
    }
    return guess(text);
  }

  static String guess(String text) {
    Map<String, Integer> score = new HashMap<>();
    int n = Math.min(text.length(), 2000);
    int i = 0;
    int found = 0;
    while (i < n) {
      while (i < n && !Character.isLetter(text.charAt(i))) {
        i++;
      }
      int start = i;
      while (i < n && Character.isLetter(text.charAt(i))) {
        i++;
      }
      if (i > start && i - start <= 5) {
        String[] langs = BY_WORD.get(text.substring(start, i).toLowerCase(Locale.ROOT));
        if (langs != null) {
          found++;
          for (String l : langs) {
            score.merge(l, 1, Integer::sum);
          }
        }
      }
    }
    if (found < 3) {
      return "und";
    }
    return score.entrySet().stream()
        .max(Map.Entry.<String, Integer>comparingByValue().thenComparing(Map.Entry.comparingByKey(java.util.Comparator.reverseOrder())))
        .map(Map.Entry::getKey).orElse("und");
  }
}
