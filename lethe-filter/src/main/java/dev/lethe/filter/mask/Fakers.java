package dev.lethe.filter.mask;

import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Seeded Datafaker instances. A Faker is not thread-safe and costs several microseconds to create, so each
 * thread keeps one per locale and reseeds it for every value: the output depends only on the seed, never on
 * what the thread made before.
 */
final class Fakers {
  private record Seeded(Faker faker, Random random) {}

  private static final ThreadLocal<Map<Locale, Seeded>> PER_THREAD = ThreadLocal.withInitial(HashMap::new);

  private Fakers() {}

  /**
   * This thread's Faker of {@code locale}, reseeded from {@code random}. It is valid until the next call on
   * this thread with the same locale.
   */
  static Faker seeded(Locale locale, Random random) {
    Seeded s = PER_THREAD.get().computeIfAbsent(locale, l -> {
      Random r = new Random(0);
      return new Seeded(new Faker(l, r), r);
    });
    s.random().setSeed(random.nextLong());
    return s.faker();
  }

  /** A fake first or last name in lower-case ASCII letters, for handles, email local parts and domains. */
  static String asciiName(Random random, boolean last) {
    Faker f = seeded(Locale.US, random);
    for (int i = 0; i < 8; i++) {
      String n = ascii(last ? f.name().lastName() : f.name().firstName());
      if (n.length() >= 2) {
        return n;
      }
    }
    return last ? "smith" : "alex";
  }

  /** Lower-case ASCII letters of {@code s}: accents dropped, other characters removed. */
  static String ascii(String s) {
    return Normalizer.normalize(s, Normalizer.Form.NFD).toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
  }
}
