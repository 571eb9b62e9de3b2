package dev.lethe.filter.mask;

import java.lang.Character.UnicodeScript;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.datafaker.Faker;

/**
 * Fake names from Datafaker with the shape of the original: as many words, an initial for an initial,
 * hyphenated parts for hyphenated parts, particles ({@code van}, {@code de}) and suffixes ({@code Jr.})
 * kept, the same letter case, and names of the language the original's script or letters suggest
 * ({@code Jürgen} gets German names, {@code 王小明} Chinese ones). The last word becomes a family name (the
 * first in Chinese and Japanese), the others given names; a single word a given name.
 */
final class PersonSurrogate implements Surrogate {
  private static final Pattern WORD = Pattern.compile("\\S+");
  private static final Pattern CORE = Pattern.compile("^(\\P{L}*)(.*?)(\\P{L}*)$", Pattern.DOTALL);
  private static final Pattern INITIAL = Pattern.compile("\\p{L}\\.?");
  private static final Set<String> PARTICLES = Set.of("de", "del", "della", "der", "den", "da", "das", "dos",
      "do", "di", "du", "la", "le", "van", "von", "zu", "ter", "ten", "bin", "ibn", "al", "el", "y", "e");
  private static final Set<String> SUFFIXES = Set.of("jr", "jr.", "sr", "sr.", "ii", "iii", "iv");

  private final Locale fallback;

  PersonSurrogate(Locale fallback) {
    this.fallback = fallback;
  }

  @Override
  public String fake(String original, String subtype, Random random) {
    Locale locale = NameLocales.of(original, fallback);
    Faker faker = Fakers.seeded(locale, random);
    Matcher w = WORD.matcher(original);
    int firstName = -1;
    int lastName = -1;
    int words = 0;
    while (w.find()) {
      if (isName(w.group())) {
        firstName = firstName < 0 ? words : firstName;
        lastName = words;
      }
      words++;
    }
    // Chinese and Japanese put the family name first.
    int family = NameLocales.unspaced(locale) ? firstName : lastName;
    StringBuilder out = new StringBuilder(original.length() + 8);
    int at = 0;
    int index = 0;
    w.reset();
    while (w.find()) {
      out.append(original, at, w.start());
      String word = w.group();
      out.append(isName(word) ? fakeWord(word, index == family && words > 1, locale, faker, random) : word);
      at = w.end();
      index++;
    }
    return out.append(original, at, original.length()).toString();
  }

  private static boolean isName(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    return word.codePoints().anyMatch(Character::isLetter) && !PARTICLES.contains(lower)
        && !SUFFIXES.contains(lower);
  }

  private static String fakeWord(String word, boolean family, Locale locale, Faker faker, Random random) {
    Matcher m = CORE.matcher(word);
    m.matches();
    String core = m.group(2);
    String replaced;
    if (INITIAL.matcher(core).matches()) {
      replaced = Shape.upper(random) + core.substring(core.offsetByCodePoints(0, 1));
    } else if (NameLocales.unspaced(locale) && core.codePointCount(0, core.length()) > 1 && !family) {
      replaced = name(faker, true, core) + name(faker, false, core);
    } else {
      StringBuilder b = new StringBuilder();
      for (String part : core.split("-", -1)) {
        if (b.length() > 0) {
          b.append('-');
        }
        b.append(Casing.of(part).apply(name(faker, family, part)));
      }
      replaced = b.toString();
    }
    return m.group(1) + replaced + m.group(3);
  }

  /**
   * A given or family name as one word (some Datafaker names contain spaces) in the script of {@code like}.
   * Some locales lack a list and fall back to English ones (Greek family names): then a word of a full name
   * of the locale serves.
   */
  private static String name(Faker faker, boolean family, String like) {
    UnicodeScript script = scriptOf(like);
    String name = "";
    for (int i = 0; i < 8; i++) {
      if (i < 4) {
        name = family ? faker.name().lastName() : faker.name().firstName();
      } else {
        String[] words = faker.name().name().split("\\s+");
        name = family ? words[words.length - 1] : words[0];
      }
      name = name.replaceAll("\\s+", "");
      if (script == null || script == scriptOf(name)) {
        break;
      }
    }
    return name;
  }

  /** The script of the first letter of {@code s}, or {@code null} when it has none. */
  private static UnicodeScript scriptOf(String s) {
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      if (Character.isLetter(cp)) {
        return UnicodeScript.of(cp);
      }
      i += Character.charCount(cp);
    }
    return null;
  }
}
