package dev.lethe.filter.mask;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.datafaker.Faker;

/**
 * Fake postal addresses that keep the original's layout, line breaks and punctuation, with the place names of
 * the original's country (Datafaker's locale for it). Word by word:
 * <ul>
 *   <li>house numbers, unit numbers and numeric postal codes: random digits of the same length;
 *   <li>British, Canadian and Dutch postcodes: random letters and digits of the same pattern;
 *   <li>street types, unit words, directions, particles and country names stay ({@code Street}, {@code Apt},
 *       {@code rue de la}, {@code NW}, {@code Germany});
 *   <li>a US state code becomes another state code;
 *   <li>the words of a street name become family names ({@code Baker Street} becomes e.g. {@code Lehner
 *       Street}, {@code Hauptstraße} {@code Heuckstraße}); other names (city, district, region) become a
 *       city name.
 * </ul>
 * The country comes from a country name in the address, else a postcode pattern or street words of one
 * language, else the script, else the default region.
 */
final class AddressSurrogate implements Surrogate {
  private static final String NUMBER_AND_WORD =
      "(?<number>\\p{Nd}+\\p{L}?(?!\\p{L}))|(?<word>\\p{L}[\\p{L}\\p{M}'’]*\\.?)";
  private static final Pattern GB_POSTCODE = Pattern.compile("\\b[A-Z]{1,2}\\d[A-Z\\d]? ?\\d[A-Z]{2}\\b");
  private static final Pattern CA_POSTCODE = Pattern.compile("\\b[A-Z]\\d[A-Z] ?\\d[A-Z]\\d\\b");
  private static final Pattern NL_POSTCODE = Pattern.compile("\\b\\d{4} ?[A-Z]{2}\\b");
  /** Tokens of addresses without, and of the regions with, a postcode of letters and digits. */
  private static final Pattern TOKENS = Pattern.compile(NUMBER_AND_WORD);
  private static final Map<String, Pattern> POSTCODE_TOKENS = Map.of("GB", withPostcode(GB_POSTCODE),
      "CA", withPostcode(CA_POSTCODE), "NL", withPostcode(NL_POSTCODE));
  private static final Pattern US_STATE_ZIP = Pattern.compile("\\b[A-Z]{2},? \\d{5}(?:-\\d{4})?\\b");
  private static final Pattern COMPOUND = Pattern.compile(
      "(?iu)(\\p{L}{2,}?)(straße|strasse|str\\.|weg|allee|platz|gasse|damm|ufer|chaussee|straat|laan|plein"
          + "|gracht|kade|singel|vägen|gatan|veien|vej)");
  /** Words that may stand between a leading street type and the name: {@code rue de la Paix}. */
  private static final Set<String> PARTICLES = Set.of("de", "del", "de la", "la", "le", "les", "des", "du", "di",
      "da", "dos", "do", "della");

  private static final Set<String> STREET_TYPES = Set.of("street", "st", "st.", "avenue", "ave", "ave.", "av",
      "av.", "road", "rd", "rd.", "lane", "ln", "ln.", "drive", "dr", "dr.", "boulevard", "blvd", "blvd.", "court",
      "ct", "ct.", "place", "pl", "pl.", "square", "sq", "sq.", "terrace", "way", "close", "crescent", "parkway",
      "pkwy", "highway", "hwy", "circle", "cir", "trail", "row", "mews", "gardens", "grove", "hill", "walk",
      "straße", "strasse", "str.", "weg", "allee", "platz", "gasse", "rue", "bd", "chemin", "allée", "impasse",
      "quai", "route", "calle", "c.", "avenida", "avda.", "plaza", "paseo", "carrer", "camino", "via", "viale",
      "piazza", "corso", "vicolo", "largo", "rua", "travessa", "praça", "straat", "laan", "plein", "gracht");
  /** Street types written before the name ({@code rue Oberkampf}, {@code Calle Mayor}). */
  private static final Set<String> LEADING_STREET_TYPES = Set.of("rue", "bd", "chemin", "allée", "impasse",
      "quai", "route", "calle", "c.", "avenida", "avda.", "plaza", "paseo", "carrer", "camino", "via", "viale",
      "piazza", "corso", "vicolo", "largo", "rua", "travessa", "praça", "avenue", "boulevard", "place");
  private static final Set<String> KEPT = Set.of("apt", "apt.", "apartment", "suite", "ste", "ste.", "unit", "flat",
      "floor", "fl", "fl.", "room", "rm", "building", "bldg", "po", "p.o.", "p.", "o.", "box", "postfach", "etage",
      "piso", "bis", "no", "no.", "nr", "nr.", "n", "s", "e", "w", "ne", "nw", "se", "sw", "n.", "s.", "e.", "w.",
      "north", "south", "east", "west", "de", "del", "la", "le", "les", "des", "du", "di", "da", "dos", "am", "an",
      "der", "den", "im", "in", "of", "the", "and", "y", "van", "von", "bei", "sur", "sous", "c/o");
  private static final Map<String, String> COUNTRIES = Map.ofEntries(
      Map.entry("usa", "US"), Map.entry("u.s.a.", "US"), Map.entry("us", "US"), Map.entry("united states", "US"),
      Map.entry("uk", "GB"), Map.entry("united kingdom", "GB"), Map.entry("england", "GB"),
      Map.entry("scotland", "GB"), Map.entry("wales", "GB"), Map.entry("great britain", "GB"),
      Map.entry("germany", "DE"), Map.entry("deutschland", "DE"), Map.entry("france", "FR"),
      Map.entry("spain", "ES"), Map.entry("españa", "ES"), Map.entry("italy", "IT"), Map.entry("italia", "IT"),
      Map.entry("netherlands", "NL"), Map.entry("the netherlands", "NL"), Map.entry("nederland", "NL"),
      Map.entry("canada", "CA"), Map.entry("australia", "AU"), Map.entry("ireland", "IE"),
      Map.entry("austria", "AT"), Map.entry("österreich", "AT"), Map.entry("switzerland", "CH"),
      Map.entry("schweiz", "CH"), Map.entry("suisse", "CH"), Map.entry("portugal", "PT"),
      Map.entry("brazil", "BR"), Map.entry("brasil", "BR"), Map.entry("mexico", "MX"), Map.entry("méxico", "MX"),
      Map.entry("sweden", "SE"), Map.entry("sverige", "SE"), Map.entry("norway", "NO"), Map.entry("norge", "NO"),
      Map.entry("denmark", "DK"), Map.entry("danmark", "DK"), Map.entry("poland", "PL"), Map.entry("polska", "PL"),
      Map.entry("india", "IN"), Map.entry("belgium", "BE"), Map.entry("belgië", "BE"), Map.entry("belgique", "BE"));
  private static final Map<String, String> LOCALE_OF_REGION = Map.ofEntries(Map.entry("US", "en-US"),
      Map.entry("GB", "en-GB"), Map.entry("DE", "de"), Map.entry("FR", "fr"), Map.entry("ES", "es"),
      Map.entry("IT", "it"), Map.entry("NL", "nl"), Map.entry("CA", "en-CA"), Map.entry("AU", "en-AU"),
      Map.entry("IE", "en-IE"), Map.entry("AT", "de-AT"), Map.entry("CH", "de-CH"), Map.entry("PT", "pt"),
      Map.entry("BR", "pt-BR"), Map.entry("MX", "es-MX"), Map.entry("SE", "sv-SE"), Map.entry("NO", "nb-NO"),
      Map.entry("DK", "da-DK"), Map.entry("PL", "pl"), Map.entry("IN", "en-IN"), Map.entry("BE", "nl-BE"));
  /** Street words that give away a language, and the region whose places that language suggests. */
  private static final List<Map.Entry<Pattern, String>> STREET_LANGUAGE = List.of(
      Map.entry(Pattern.compile("(?iu)(straße|strasse|str\\.|weg\\b|allee|platz|gasse)"), "DE"),
      Map.entry(Pattern.compile("(?iu)\\b(rue|boulevard|chemin|allée|impasse|quai)\\b"), "FR"),
      Map.entry(Pattern.compile("(?iu)\\b(calle|avenida|avda|paseo|carrer|camino)\\b"), "ES"),
      Map.entry(Pattern.compile("(?iu)\\b(via|viale|piazza|corso|vicolo)\\b"), "IT"),
      Map.entry(Pattern.compile("(?iu)\\b(rua|travessa|praça)\\b"), "PT"),
      Map.entry(Pattern.compile("(?iu)(straat|laan|gracht|plein)\\b"), "NL"));

  private final String defaultRegion;

  AddressSurrogate(String defaultRegion) {
    this.defaultRegion = defaultRegion;
  }

  @Override
  public String fake(String original, String subtype, Random random) {
    String region = region(original);
    String tag = LOCALE_OF_REGION.get(region);
    Locale locale = tag != null ? Locale.forLanguageTag(tag) : NameLocales.of(original, Locale.US);
    Faker faker = Fakers.seeded(locale, random);

    List<Token> tokens = tokens(original, region);
    StringBuilder out = new StringBuilder(original.length() + 16);
    int at = 0;
    for (int i = 0; i < tokens.size(); i++) {
      Token t = tokens.get(i);
      out.append(original, at, t.start);
      if (t.kind == Kind.NAME) {
        // A run of name words separated by single spaces is one name.
        int j = i;
        while (j + 1 < tokens.size() && tokens.get(j + 1).kind == Kind.NAME
            && original.substring(tokens.get(j).end, tokens.get(j + 1).start).equals(" ")) {
          j++;
        }
        if (streetTypeBefore(tokens, i, original) || streetTypeAfter(tokens, j, original)) {
          for (int k = i; k <= j; k++) {
            out.append(original, k == i ? t.start : tokens.get(k - 1).end, tokens.get(k).start);
            String word = original.substring(tokens.get(k).start, tokens.get(k).end);
            out.append(Casing.of(word).apply(faker.name().lastName().replaceAll("\\s+", "")));
          }
        } else {
          out.append(Casing.of(original.substring(t.start, tokens.get(j).end)).apply(faker.address().city()));
        }
        at = tokens.get(j).end;
        i = j;
        continue;
      }
      String text = original.substring(t.start, t.end);
      out.append(switch (t.kind) {
        case NUMBER -> number(text, random);
        case POSTCODE -> Shape.of(text, random);
        case STATE -> faker.address().stateAbbr();
        case COMPOUND -> compound(text, faker);
        default -> text;
      });
      at = t.end;
    }
    return out.append(original, at, original.length()).toString();
  }

  private enum Kind { NAME, NUMBER, POSTCODE, STATE, COMPOUND, KEPT }

  private record Token(Kind kind, int start, int end) {}

  private static List<Token> tokens(String s, String region) {
    Pattern pattern = POSTCODE_TOKENS.getOrDefault(region, TOKENS);
    List<Token> tokens = new ArrayList<>();
    Matcher m = pattern.matcher(s);
    while (m.find()) {
      Kind kind;
      if (pattern != TOKENS && m.group("postcode") != null) {
        kind = Kind.POSTCODE;
      } else if (m.group("number") != null) {
        kind = Kind.NUMBER;
      } else {
        String w = m.group().toLowerCase(Locale.ROOT);
        if (KEPT.contains(w) || STREET_TYPES.contains(w) || COUNTRIES.containsKey(w)) {
          kind = Kind.KEPT;
        } else if (region.equals("US") && m.group().length() == 2 && m.group().equals(m.group().toUpperCase(Locale.ROOT))) {
          kind = Kind.STATE;
        } else if (COMPOUND.matcher(m.group()).matches()) {
          kind = Kind.COMPOUND;
        } else {
          kind = Kind.NAME;
        }
      }
      tokens.add(new Token(kind, m.start(), m.end()));
    }
    return tokens;
  }

  private static Pattern withPostcode(Pattern postcode) {
    return Pattern.compile("(?<postcode>" + postcode.pattern() + ")|" + NUMBER_AND_WORD);
  }

  /** Whether a street type such as {@code rue} or {@code Calle} leads the name at token {@code i}. */
  private static boolean streetTypeBefore(List<Token> tokens, int i, String s) {
    for (int k = i - 1; k >= 0 && tokens.get(k).kind == Kind.KEPT; k--) {
      String w = word(tokens.get(k), s);
      if (LEADING_STREET_TYPES.contains(w)) {
        return true;
      }
      if (!PARTICLES.contains(w)) {
        return false;
      }
    }
    return false;
  }

  /** Whether a street type such as {@code Street} follows the name that ends at token {@code j}. */
  private static boolean streetTypeAfter(List<Token> tokens, int j, String s) {
    return j + 1 < tokens.size() && tokens.get(j + 1).kind == Kind.KEPT
        && STREET_TYPES.contains(word(tokens.get(j + 1), s));
  }

  private static String word(Token t, String s) {
    return s.substring(t.start, t.end).toLowerCase(Locale.ROOT);
  }

  /** A house or unit number: random digits, not starting with 0 unless the original does, a letter kept. */
  private static String number(String text, Random random) {
    String n = Shape.of(text, random);
    return text.charAt(0) != '0' && n.charAt(0) == '0' ? (char) ('1' + random.nextInt(9)) + n.substring(1) : n;
  }

  private static String compound(String word, Faker faker) {
    Matcher m = COMPOUND.matcher(word);
    m.matches();
    String stem = faker.name().lastName().replaceAll("[\\s'’-]+", "");
    return Casing.of(m.group(1)).apply(stem) + m.group(2);
  }

  /** The ISO region the address is in, as far as it tells. */
  private String region(String s) {
    String lower = s.toLowerCase(Locale.ROOT);
    for (String line : lower.split("[,\\n]")) {
      String country = COUNTRIES.get(line.strip());
      if (country != null) {
        return country;
      }
    }
    if (GB_POSTCODE.matcher(s).find()) {
      return "GB";
    }
    if (CA_POSTCODE.matcher(s).find()) {
      return "CA";
    }
    if (NL_POSTCODE.matcher(s).find()) {
      return "NL";
    }
    if (US_STATE_ZIP.matcher(s).find()) {
      return "US";
    }
    for (Map.Entry<Pattern, String> e : STREET_LANGUAGE) {
      if (e.getKey().matcher(s).find()) {
        return e.getValue();
      }
    }
    return NameLocales.of(s, null) != null ? "" : defaultRegion;
  }
}
