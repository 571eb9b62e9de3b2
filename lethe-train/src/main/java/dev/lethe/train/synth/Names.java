package dev.lethe.train.synth;

import java.util.List;
import java.util.Map;

/**
 * Personal names of many origins: Datafaker locales for the large lists, hand-written lists
 * ({@code synth/lists/names.txt}) for romanised Japanese, Korean, Chinese, Russian, Arabic and for Hindi in
 * Devanagari. Shapes vary: middle names and initials, double-barrelled and particle surnames (van der Berg,
 * de la Cruz, O'Neill, bin Khalid), nicknames.
 */
final class Names {
  /** Every name origin the generator draws from; the coverage test checks each appears. */
  static final List<String> ORIGINS = List.of("en-US", "en-GB", "en-IN", "en-NG", "en-IE", "de", "fr", "es", "it",
      "pt-BR", "nl", "pl", "sv", "tr", "vi", "ja", "ja-Latn", "ko", "ko-Latn", "zh-CN", "zh-Latn", "ru", "ru-Latn",
      "ar-Latn", "hi");

  /** Origins whose names are written in a non-Latin script. */
  private static final List<String> NATIVE = List.of("ja", "ko", "zh-CN", "ru", "hi");

  /** Datafaker locales whose name lists are split by gender (their plain first_name may be missing). */
  private static final List<String> GENDERED = List.of("en-US", "en-GB", "de", "es", "pt-BR", "sv", "tr", "ru");

  private static final Lists LISTS = Lists.load("names.txt");

  /** The origin a name of a document set in {@code country} most likely has. */
  private static final Map<String, String> LOCAL = Map.ofEntries(Map.entry("US", "en-US"), Map.entry("GB", "en-GB"),
      Map.entry("CA", "en-US"), Map.entry("AU", "en-GB"), Map.entry("IN", "en-IN"), Map.entry("IE", "en-IE"),
      Map.entry("DE", "de"), Map.entry("FR", "fr"), Map.entry("ES", "es"), Map.entry("IT", "it"),
      Map.entry("BR", "pt-BR"), Map.entry("NL", "nl"));

  private final Rng rng;
  private final Fakers fakers;

  Names(Rng rng, Fakers fakers) {
    this.rng = rng;
    this.fakers = fakers;
  }

  /** An origin for a person in a document set in {@code country}: often local, often anything else. */
  String originFor(String country) {
    if (rng.chance(0.45)) {
      return LOCAL.getOrDefault(country, "en-US");
    }
    // Native scripts are rarer than romanised names in text of Latin-script languages.
    String o = rng.pick(ORIGINS);
    return NATIVE.contains(o) && rng.chance(0.5) ? rng.pick(ORIGINS) : o;
  }

  /**
   * A person of {@code origin}; {@code gender} ({@code 'm'}, {@code 'f'}, or {@code '?'} for either) is honoured
   * where the source lists say which names are whose.
   */
  Person person(String origin, char gender) {
    return switch (origin) {
      case "ja-Latn", "ko-Latn", "zh-Latn", "ru-Latn", "ar-Latn", "hi" -> fromList(origin, gender);
      case "ja", "zh-CN", "ko" -> cjk(origin);
      case "ru" -> russian(gender);
      case "vi" -> vietnamese();
      default -> fromFaker(origin, gender);
    };
  }

  private char gender(char hint) {
    return hint == 'm' || hint == 'f' ? hint : rng.chance(0.5) ? 'm' : 'f';
  }

  private Person fromList(String origin, char hint) {
    char g = gender(hint);
    String given = rng.pick(LISTS.get(origin, g == 'm' ? "given_m" : "given_f"));
    String family = rng.pick(LISTS.get(origin, "family"));
    String middle = null;
    boolean familyFirst = false;
    switch (origin) {
      case "ru-Latn" -> family = g == 'f' ? feminine(family) : family;
      case "ar-Latn" -> {
        if (rng.chance(0.25)) {
          String particle = rng.pick(LISTS.get("particles", "ar"));
          if (particle.equals("bint") && g == 'm' || particle.equals("bin") && g == 'f') {
            particle = g == 'f' ? "bint" : "bin";
          }
          middle = particle + " " + rng.pick(LISTS.get(origin, "given_m"));
        }
      }
      case "zh-Latn", "ko-Latn" -> familyFirst = rng.chance(0.35);
      case "ja-Latn" -> familyFirst = rng.chance(0.2);
      default -> { }
    }
    boolean latin = !origin.equals("hi");
    return new Person(given, middle, family, null, g, origin, familyFirst, " ", latin);
  }

  private static String feminine(String family) {
    if (family.endsWith("sky")) {
      return family.substring(0, family.length() - 1) + "aya";
    }
    return family + "a";
  }

  private Person cjk(String origin) {
    String given = fakers.resolve(origin, "name.first_name");
    String family = fakers.resolve(origin, "name.last_name");
    String joiner = origin.equals("ja") && rng.chance(0.4) ? " " : "";
    return new Person(given, null, family, null, '?', origin, true, joiner, false);
  }

  private Person russian(char hint) {
    char g = gender(hint);
    String p = g == 'm' ? "male_" : "female_";
    String given = fakers.resolve("ru", "name." + p + "first_name");
    String family = fakers.resolve("ru", "name." + p + "last_name");
    String middle = rng.chance(0.3) ? fakers.resolve("ru", "name." + p + "middle_name") : null;
    return new Person(given, middle, family, null, g, "ru", rng.chance(0.3), " ", false);
  }

  /** Datafaker's vi lists are swapped: its first_name holds family names (Nguyễn), last_name given ones. */
  private Person vietnamese() {
    String family = fakers.resolve("vi", "name.first_name");
    String given = fakers.resolve("vi", "name.last_name");
    String middle = rng.chance(0.6) ? rng.oneOf("Văn", "Thị", "Minh", "Ngọc", "Đức", "Thanh", "Hoàng") : null;
    if (middle != null && middle.equals(given)) {
      middle = null;
    }
    boolean westernOrder = rng.chance(0.2);
    return new Person(given, middle, family, null, '?', "vi", !westernOrder, " ", true);
  }

  private Person fromFaker(String origin, char hint) {
    char g = '?';
    String given;
    if (GENDERED.contains(origin)) {
      g = gender(hint);
      given = fakers.resolve(origin, "name." + (g == 'm' ? "male_first_name" : "female_first_name"));
    } else {
      given = fakers.get(origin).name().firstName();
    }
    String family = fakers.get(origin).name().lastName();
    String middle = null;
    double r = rng.random().nextDouble();
    if (origin.equals("es")) {
      // Spanish names usually carry both surnames.
      if (r < 0.55) {
        family = family + " " + fakers.get(origin).name().lastName();
      }
    } else if (origin.equals("pt-BR") && r < 0.4) {
      middle = fakers.get(origin).name().lastName();
    } else if (origin.startsWith("en") && r < 0.12) {
      middle = fakers.get(origin).name().firstName();
    } else if (origin.startsWith("en") && r < 0.2) {
      middle = fakers.get(origin).name().firstName().substring(0, 1) + ".";
    }
    family = decorate(origin, family);
    String nickname = null;
    String nickKey = origin.startsWith("en") ? "en" : origin.substring(0, 2);
    if (rng.chance(0.04) && !LISTS.getOrEmpty("nicknames", nickKey).isEmpty()) {
      nickname = rng.pick(LISTS.get("nicknames", nickKey));
    }
    return new Person(given, middle, family, nickname, g, origin, false, " ", true);
  }

  /** Particles, Gaelic prefixes and double-barrelled surnames. */
  private String decorate(String origin, String family) {
    String lang = origin.substring(0, 2);
    double p = switch (lang) {
      case "nl" -> 0.35;
      case "pt" -> 0.2;
      case "es", "fr", "it" -> 0.1;
      case "de" -> 0.04;
      default -> 0;
    };
    if (rng.chance(p)) {
      return rng.pick(LISTS.get("particles", lang)) + " " + family;
    }
    if ((origin.equals("en-IE") || origin.equals("en-GB") || origin.equals("en-US")) && rng.chance(0.08)) {
      return rng.pick(LISTS.get("gael", "family"));
    }
    if ((lang.equals("en") || lang.equals("fr") || lang.equals("de")) && rng.chance(0.06)) {
      return family + "-" + fakers.get(origin).name().lastName();
    }
    return family;
  }
}
