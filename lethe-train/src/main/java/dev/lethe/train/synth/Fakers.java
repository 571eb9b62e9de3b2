package dev.lethe.train.synth;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;

/**
 * One Datafaker instance per locale, all drawing from the generator's single {@link Random}, so reseeding that
 * Random before each document makes every Datafaker value reproducible. Not thread-safe.
 */
final class Fakers {
  static final String[] LOCALES = {"en-US", "en-GB", "en-IN", "en-NG", "en-IE", "en-AU", "en-CA", "de", "fr",
      "es", "it", "pt-BR", "nl", "pl", "sv", "tr", "vi", "ja", "ko", "zh-CN", "ru"};

  private final Map<String, Faker> byLocale = new LinkedHashMap<>();

  Fakers(Random random) {
    for (String tag : LOCALES) {
      byLocale.put(tag, new Faker(Locale.forLanguageTag(tag), random));
    }
  }

  Faker get(String tag) {
    Faker f = byLocale.get(tag);
    if (f == null) {
      throw new IllegalArgumentException("no Datafaker locale " + tag + "; known: " + byLocale.keySet());
    }
    return f;
  }

  /** A Datafaker key such as {@code name.male_first_name}, resolved in {@code tag}. */
  String resolve(String tag, String key) {
    return get(tag).resolve(key);
  }
}
