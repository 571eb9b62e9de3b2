package dev.lethe.filter.mask;

import java.lang.Character.UnicodeScript;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The Datafaker locale whose names and addresses look like a text's: by script, and for Latin by letters. */
final class NameLocales {
  private NameLocales() {}

  static Locale of(String text, Locale fallback) {
    boolean kana = false;
    boolean han = false;
    for (int i = 0; i < text.length(); ) {
      int cp = text.codePointAt(i);
      i += Character.charCount(cp);
      UnicodeScript script = UnicodeScript.of(cp);
      switch (script) {
        case HIRAGANA, KATAKANA -> kana = true;
        case HAN -> han = true;
        case HANGUL -> {
          return Locale.forLanguageTag("ko");
        }
        case CYRILLIC -> {
          return Locale.forLanguageTag("ru");
        }
        case GREEK -> {
          return Locale.forLanguageTag("el-GR");
        }
        case ARABIC -> {
          return Locale.forLanguageTag("ar");
        }
        case HEBREW -> {
          return Locale.forLanguageTag("he");
        }
        default -> { }
      }
    }
    if (kana) {
      return Locale.forLanguageTag("ja");
    }
    if (han) {
      return Locale.forLanguageTag("zh-CN");
    }
    return latin(text, fallback);
  }

  /** Letters that point to a language among Latin-script names, tried in order. */
  private static final List<Map.Entry<Pattern, Locale>> LATIN = List.of(
      Map.entry(Pattern.compile("[ñáíóú]"), Locale.forLanguageTag("es")),
      Map.entry(Pattern.compile("[äöüß]"), Locale.forLanguageTag("de")),
      Map.entry(Pattern.compile("[ãõ]"), Locale.forLanguageTag("pt")),
      Map.entry(Pattern.compile("[çéèêëàâîïôûù]"), Locale.forLanguageTag("fr")),
      Map.entry(Pattern.compile("[åøæ]"), Locale.forLanguageTag("nb-NO")),
      Map.entry(Pattern.compile("[łśżźćńą]"), Locale.forLanguageTag("pl")),
      Map.entry(Pattern.compile("[čšžřěů]"), Locale.forLanguageTag("cs")));

  private static Locale latin(String text, Locale fallback) {
    String t = text.toLowerCase(Locale.ROOT);
    for (Map.Entry<Pattern, Locale> e : LATIN) {
      if (e.getKey().matcher(t).find()) {
        return e.getValue();
      }
    }
    return fallback;
  }

  /** Whether the script writes names without spaces between family and given name (Chinese, Japanese). */
  static boolean unspaced(Locale locale) {
    return locale.getLanguage().equals("zh") || locale.getLanguage().equals("ja");
  }
}
