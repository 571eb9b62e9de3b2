package dev.lethe.train.synth;

import java.util.List;
import java.util.Locale;

/**
 * Postal addresses in the formats of eleven countries, built from {@code synth/lists/addresses.txt}: house
 * number and street in the local order, flats and units, PO boxes, districts, region codes and postcodes of
 * the right shape. Written by hand because Datafaker's address formats are not the ones people write (no
 * units in most locales, postcodes unrelated to cities, one line only).
 */
final class Addresses {
  /** Every country an address can be written for; the coverage test checks each appears. */
  static final List<String> COUNTRIES = List.of("US", "GB", "CA", "AU", "IN", "DE", "FR", "ES", "IT", "BR", "NL");

  private static final Lists LISTS = Lists.load("addresses.txt");
  private static final String UK_INWARD = "ABDEFGHJLNPQRSTUWXYZ";
  private static final String CA_LETTERS = "ABCEGHJKLMNPRSTVWXYZ";

  private final Rng rng;

  Addresses(Rng rng) {
    this.rng = rng;
  }

  Address address(String country) {
    return switch (country) {
      case "US" -> us();
      case "GB" -> gb();
      case "CA" -> ca();
      case "AU" -> au();
      case "IN" -> in();
      case "DE" -> de();
      case "FR" -> fr();
      case "ES" -> es();
      case "IT" -> it();
      case "BR" -> br();
      case "NL" -> nl();
      default -> throw new IllegalArgumentException("no address format for " + country);
    };
  }

  /** A street name alone, as in directions ("turn left on ..."): not an address. */
  String streetOnly(String country) {
    String base = rng.pick(list(country, "streets"));
    return switch (country) {
      case "US", "GB", "CA", "AU", "IN" -> base + " " + rng.pick(list(country, "suffixes"));
      default -> base;
    };
  }

  /** A city of the country, alone: not an address. */
  String city(String country) {
    return field(rng.pick(list(country, "cities")), 0);
  }

  private List<String> list(String country, String key) {
    return LISTS.get(country, key);
  }

  private String pick(String country, String key) {
    return rng.pick(list(country, key));
  }

  private static String field(String row, int i) {
    return row.split("\\|")[i];
  }

  private String houseNumber(int maxDigits) {
    int digits = rng.weighted(0.2, 0.35, 0.3, 0.12, 0.03) + 1;
    digits = Math.min(digits, maxDigits);
    int lo = digits == 1 ? 1 : (int) Math.pow(10, digits - 1);
    return Integer.toString(rng.between(lo, (int) Math.pow(10, digits) - 1));
  }

  private Address make(String country, String line1, String line2, String locality, String city, String region,
      String postcode, String oneLine, String multiLine) {
    return new Address(country, line1, line2, locality, city, region, postcode, pick(country, "country"), oneLine,
        multiLine);
  }

  private Address us() {
    String row = pick("US", "cities");
    String city = field(row, 0);
    String state = field(row, 1);
    String zip = rng.pattern(field(row, 2)) + (rng.chance(0.12) ? "-" + rng.digits(4) : "");
    String line1;
    String unit = null;
    if (rng.chance(0.06)) {
      line1 = rng.oneOf("PO Box ", "P.O. Box ", "PO BOX ", "P O Box ") + houseNumber(5);
    } else {
      String dir = rng.chance(0.2) ? pick("US", "directions") + " " : "";
      line1 = houseNumber(5) + " " + dir + pick("US", "streets") + " " + pick("US", "suffixes");
      unit = rng.chance(0.35) ? rng.pattern(pick("US", "units")) : null;
    }
    String last = rng.chance(0.85) ? city + ", " + state + " " + zip : city + " " + state + " " + zip;
    String streetPart = unit == null ? line1 : line1 + (rng.chance(0.5) ? ", " : " ") + unit;
    return make("US", line1, unit, null, city, state, zip, streetPart + ", " + last,
        (unit != null && rng.chance(0.4) ? line1 + "\n" + unit : streetPart) + "\n" + last);
  }

  private Address gb() {
    String row = pick("GB", "cities");
    String city = field(row, 0);
    String postcode = field(row, 1) + " " + rng.between(1, 9) + rng.from(UK_INWARD, 2);
    String street = pick("GB", "streets") + " " + pick("GB", "suffixes");
    String line1 = switch (rng.weighted(0.88, 0.06, 0.06)) {
      case 0 -> houseNumber(3) + " " + street;
      case 1 -> rng.oneOf("Rose Cottage", "The Old Rectory", "Ivy House", "Hillcrest", "Orchard View") + ", " + street;
      default -> rng.oneOf("PO Box ", "P.O. Box ") + houseNumber(4);
    };
    String unit = line1.contains("Box") || !rng.chance(0.35) ? null : rng.pattern(pick("GB", "units"));
    String locality = rng.chance(0.25) ? pick("GB", "localities") : null;
    String lastLine = city + (rng.chance(0.8) ? " " : ", ") + postcode;
    StringBuilder one = new StringBuilder();
    StringBuilder multi = new StringBuilder();
    if (unit != null) {
      one.append(unit).append(", ");
      multi.append(unit).append('\n');
    }
    one.append(line1);
    multi.append(line1);
    if (locality != null) {
      one.append(", ").append(locality);
      multi.append('\n').append(locality);
    }
    one.append(", ").append(lastLine);
    multi.append('\n').append(rng.chance(0.5) ? city + "\n" + postcode : lastLine);
    return make("GB", line1, unit, locality, city, null, postcode, one.toString(), multi.toString());
  }

  private Address ca() {
    String row = pick("CA", "cities");
    String city = field(row, 0);
    String prov = field(row, 1);
    String postal = field(row, 2) + rng.between(0, 9) + rng.from(CA_LETTERS, 1) + " " + rng.between(0, 9)
        + rng.from(CA_LETTERS, 1) + rng.between(0, 9);
    String number = houseNumber(4);
    String suffix = pick("CA", "suffixes");
    String base = pick("CA", "streets");
    String street = suffix.equals("Rue") ? "Rue " + base : base + " " + suffix;
    String unit = rng.chance(0.35) ? rng.pattern(pick("CA", "units")) : null;
    String line1;
    String streetPart;
    if (rng.chance(0.05)) {
      line1 = rng.oneOf("PO Box ", "P.O. Box ", "CP ") + houseNumber(4) + rng.oneOf("", ", Stn A", " STN MAIN");
      streetPart = line1;
      unit = null;
    } else if (unit != null && unit.matches("\\d+")) {
      line1 = unit + "-" + number + " " + street;
      streetPart = line1;
      unit = null;
    } else {
      line1 = number + " " + street;
      streetPart = unit == null ? line1 : line1 + ", " + unit;
    }
    String last = city + ", " + prov + " " + postal;
    return make("CA", line1, unit, null, city, prov, postal, streetPart + ", " + last,
        streetPart + "\n" + (rng.chance(0.6) ? last : city + " " + prov + "  " + postal));
  }

  private Address au() {
    String row = pick("AU", "cities");
    String suburb = field(row, 0);
    String state = field(row, 1);
    String pc = field(row, 2);
    String number = houseNumber(3);
    String street = pick("AU", "streets") + " " + pick("AU", "suffixes");
    String line1;
    String unit = null;
    switch (rng.weighted(0.55, 0.15, 0.15, 0.1, 0.05)) {
      case 0 -> line1 = number + " " + street;
      case 4 -> line1 = rng.oneOf("PO Box ", "Locked Bag ", "GPO Box ") + houseNumber(4);
      case 1 -> line1 = "Unit " + rng.between(1, 30) + "/" + number + " " + street;
      case 2 -> line1 = rng.between(1, 30) + "/" + number + " " + street;
      default -> {
        unit = rng.pattern(pick("AU", "units"));
        line1 = number + " " + street;
      }
    }
    String last = suburb + (rng.chance(0.75) ? " " : ", ") + state + " " + pc;
    String streetPart = unit == null ? line1 : unit + ", " + line1;
    return make("AU", line1, unit, null, suburb, state, pc, streetPart + ", " + last,
        (unit == null ? line1 : unit + "\n" + line1) + "\n" + last);
  }

  private Address in() {
    String row = pick("IN", "cities");
    String city = field(row, 0);
    String state = field(row, 1);
    String pin = rng.pattern(field(row, 2));
    String unit = rng.pattern(pick("IN", "units"));
    String building = rng.chance(0.45) ? pick("IN", "buildings") : null;
    String street = pick("IN", "streets") + " " + pick("IN", "suffixes");
    String locality = pick("IN", "localities");
    String line2 = building == null ? null : building;
    String last = switch (rng.between(0, 2)) {
      case 0 -> city + " " + pin;
      case 1 -> city + " - " + pin;
      default -> city + ", " + state + " " + pin;
    };
    String line1 = unit + ", " + street;
    String one = unit + (building == null ? "" : ", " + building) + ", " + street + ", " + locality + ", " + last;
    String multi = unit + (building == null ? "" : ", " + building) + "\n" + street + "\n" + locality + "\n" + last;
    return make("IN", line1, line2, locality, city, state, pin, one, multi);
  }

  private Address de() {
    String row = pick("DE", "cities");
    String city = field(row, 0);
    String plz = rng.pattern(field(row, 1));
    boolean box = rng.chance(0.05);
    String line1 = box ? "Postfach " + rng.pattern("## ## ##")
        : pick("DE", "streets") + " " + houseNumber(3) + (rng.chance(0.1) ? rng.oneOf("a", "b", "c") : "");
    String unit = !box && rng.chance(0.12) ? rng.pattern(pick("DE", "units")) : null;
    String last = plz + " " + city;
    String one = line1 + (unit == null ? "" : ", " + unit) + ", " + last;
    String multi = line1 + (unit == null ? "" : "\n" + unit) + "\n" + last;
    return make("DE", line1, unit, null, city, null, plz, one, multi);
  }

  private Address fr() {
    String row = pick("FR", "cities");
    String city = field(row, 0);
    String cp = city.equals("Paris") ? String.format(Locale.ROOT, "750%02d", rng.between(1, 20))
        : city.equals("Lyon") ? "6900" + rng.between(1, 9) : rng.pattern(field(row, 1));
    String number = houseNumber(3) + (rng.chance(0.08) ? " " + pick("FR", "numberSuffix") : "");
    String line1 = number + (rng.chance(0.5) ? " " : ", ") + pick("FR", "streets");
    String unit = rng.chance(0.25) ? rng.pattern(pick("FR", "units")) : null;
    String last = cp + " " + (rng.chance(0.2) ? city.toUpperCase(Locale.FRENCH) : city);
    String one = line1 + (unit == null ? "" : ", " + unit) + ", " + last;
    String multi = (unit == null ? "" : unit + "\n") + line1 + "\n" + last;
    return make("FR", line1, unit, null, city, null, cp, one, multi);
  }

  private Address es() {
    String row = pick("ES", "cities");
    String city = field(row, 0);
    String province = field(row, 2);
    String cp = rng.pattern(field(row, 1));
    String last = cp + " " + city + (rng.chance(0.2) && !province.equals(city) ? " (" + province + ")" : "");
    return streetFirst("ES", 0.6, city, province.equals(city) ? null : province, cp, last);
  }

  private Address it() {
    String row = pick("IT", "cities");
    String city = field(row, 0);
    String prov = field(row, 2);
    String cap = rng.pattern(field(row, 1));
    String last = cap + " " + city + (rng.chance(0.5) ? " " + prov : rng.chance(0.3) ? " (" + prov + ")" : "");
    return streetFirst("IT", 0.3, city, prov, cap, last);
  }

  /** Street then number ({@code Via Roma 12}, {@code Calle Mayor, 5}), an optional unit, then the postcode line. */
  private Address streetFirst(String country, double unitChance, String city, String region, String postcode,
      String last) {
    String line1 = pick(country, "streets") + (rng.chance(0.6) ? " " : ", ") + houseNumber(3);
    String unit = rng.chance(unitChance) ? rng.pattern(pick(country, "units")) : null;
    String street = line1 + (unit == null ? "" : ", " + unit);
    return make(country, line1, unit, null, city, region, postcode, street + ", " + last, street + "\n" + last);
  }

  private Address br() {
    String row = pick("BR", "cities");
    String city = field(row, 0);
    String uf = field(row, 1);
    String cep = rng.pattern(field(row, 2));
    String line1 = pick("BR", "streets") + ", " + houseNumber(4);
    String unit = rng.chance(0.5) ? rng.pattern(pick("BR", "units")) : null;
    String bairro = rng.chance(0.7) ? pick("BR", "localities") : null;
    String cityUf = rng.chance(0.6) ? city + " - " + uf : city + "/" + uf;
    String one = line1 + (unit == null ? "" : ", " + unit) + (bairro == null ? "" : rng.oneOf(", ", " - ") + bairro)
        + ", " + cityUf + ", " + cep;
    String multi = line1 + (unit == null ? "" : ", " + unit) + (bairro == null ? "" : "\n" + bairro) + "\n" + cityUf
        + "\n" + cep;
    return make("BR", line1, unit, bairro, city, uf, cep, one, multi);
  }

  private Address nl() {
    String row = pick("NL", "cities");
    String city = field(row, 0);
    String pc = rng.pattern(field(row, 1));
    String suffix = rng.chance(0.3) ? pick("NL", "units") : "";
    String line1 = pick("NL", "streets") + " " + houseNumber(3) + (suffix.equals("bis") ? " bis" : suffix);
    String last = pc + (rng.chance(0.8) ? " " : "  ") + (rng.chance(0.2) ? city.toUpperCase(Locale.ROOT) : city);
    return make("NL", line1, null, null, city, null, pc, line1 + ", " + last, line1 + "\n" + last);
  }
}
