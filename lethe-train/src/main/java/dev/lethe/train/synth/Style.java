package dev.lethe.train.synth;

import dev.lethe.filter.Label;
import java.util.Locale;
import java.util.Map;

/**
 * How a document is typed: normal, all lower case (chat typing, names included or not), or ALL CAPS, with
 * an optional rate of typos in the prose. Applied to each segment as it is appended, so span offsets are
 * taken on the final text even when a case change alters the length (ß to SS).
 */
final class Style {
  enum Case { NORMAL, LOWER, UPPER }

  static final Style PLAIN = new Style(Case.NORMAL, 0, false);

  private final Case caseMode;
  private final double typoRate;
  private final boolean valuesFollowCase;

  Style(Case caseMode, double typoRate, boolean valuesFollowCase) {
    this.caseMode = caseMode;
    this.typoRate = typoRate;
    this.valuesFollowCase = valuesFollowCase;
  }

  Case caseMode() {
    return caseMode;
  }

  /** A chat style: mostly normal, sometimes lower case with typos, rarely shouting. */
  static Style chat(Rng rng) {
    return switch (rng.weighted(0.55, 0.33, 0.07, 0.05)) {
      case 0 -> new Style(Case.NORMAL, rng.chance(0.3) ? 0.03 : 0, false);
      case 1 -> new Style(Case.LOWER, rng.chance(0.6) ? 0.05 : 0.01, rng.chance(0.5));
      case 2 -> new Style(Case.UPPER, 0.01, true);
      default -> new Style(Case.NORMAL, 0.08, false);
    };
  }

  String apply(Segment s, Rng rng) {
    String t = s.text();
    return switch (s.kind()) {
      case PROSE -> typos(changeCase(t), rng);
      case NEUTRAL, IGNORE -> caseMode == Case.UPPER || valuesFollowCase ? changeCase(t) : t;
      case VALUE -> valuesFollowCase && followsCase(s.label()) ? changeCase(t) : t;
    };
  }

  private static boolean followsCase(Label label) {
    return label == Label.PRIVATE_PERSON || label == Label.PRIVATE_ADDRESS || label == Label.PRIVATE_DATE;
  }

  private String changeCase(String t) {
    return switch (caseMode) {
      case NORMAL -> t;
      case LOWER -> t.toLowerCase(Locale.ROOT);
      case UPPER -> t.toUpperCase(Locale.ROOT);
    };
  }

  /** Chat shorthand and common misspellings, applied before random letter slips. */
  private static final Map<String, String> SHORTHAND = Map.ofEntries(
      Map.entry("you", "u"), Map.entry("your", "ur"), Map.entry("please", "pls"), Map.entry("because", "bc"),
      Map.entry("tomorrow", "tmrw"), Map.entry("before", "b4"), Map.entry("thanks", "thx"),
      Map.entry("message", "msg"), Map.entry("appointment", "appoinment"), Map.entry("definitely", "definately"),
      Map.entry("receive", "recieve"), Map.entry("really", "rly"), Map.entry("something", "smth"),
      Map.entry("separate", "seperate"), Map.entry("address", "adress"), Map.entry("people", "ppl"),
      Map.entry("birthday", "bday"), Map.entry("don't", "dont"), Map.entry("can't", "cant"),
      Map.entry("I'm", "im"), Map.entry("doesn't", "doesnt"), Map.entry("what's", "whats"));

  private String typos(String t, Rng rng) {
    if (typoRate == 0 || t.isEmpty()) {
      return t;
    }
    StringBuilder out = new StringBuilder(t.length());
    int i = 0;
    while (i < t.length()) {
      int j = i;
      while (j < t.length() && (Character.isLetter(t.charAt(j)) || t.charAt(j) == '\'')) {
        j++;
      }
      if (j == i) {
        out.append(t.charAt(i++));
        continue;
      }
      out.append(slip(t.substring(i, j), rng));
      i = j;
    }
    return out.toString();
  }

  private String slip(String word, Rng rng) {
    if (!rng.chance(typoRate * 3)) {
      return word;
    }
    String lower = word.toLowerCase(Locale.ROOT);
    String shorthand = SHORTHAND.get(caseMode == Case.NORMAL ? word : lower);
    if (shorthand == null && caseMode != Case.NORMAL) {
      shorthand = SHORTHAND.get(word);
    }
    if (shorthand != null && rng.chance(0.6)) {
      return caseMode == Case.UPPER ? shorthand.toUpperCase(Locale.ROOT) : shorthand;
    }
    if (word.length() < 4 || !rng.chance(1.0 / 3)) {
      return word;
    }
    int k = rng.between(1, word.length() - 2);
    return switch (rng.between(0, 2)) {
      case 0 -> word.substring(0, k) + word.charAt(k + 1) + word.charAt(k) + word.substring(k + 2);
      case 1 -> word.substring(0, k) + word.substring(k + 1);
      default -> word.substring(0, k) + word.charAt(k) + word.substring(k);
    };
  }
}
