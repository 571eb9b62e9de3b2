package dev.lethe.train.synth;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Account numbers and identifiers: IBANs with valid check digits, Luhn-valid card numbers, ABA routing numbers
 * with their checksum, national ids in their usual shapes, and the customer, member, policy and patient ids
 * of forms. Check digits are computed by hand: they are a few lines each and no library on the classpath
 * generates them.
 */
final class Accounts {
  private final Rng rng;

  Accounts(Rng rng) {
    this.rng = rng;
  }

  /** Country of an IBAN, and its BBAN pattern. */
  private static final String[][] IBAN = {{"DE", "##################"}, {"GB", "????######## ####"},
      {"FR", "#######################"}, {"ES", "####################"}, {"IT", "?######################"},
      {"NL", "????##########"}, {"IE", "????##############"}, {"AT", "################"}, {"BE", "############"},
      {"PT", "#####################"}, {"CH", "#################"}};

  String iban(String country) {
    String[] spec = IBAN[0];
    for (String[] s : IBAN) {
      if (s[0].equals(country)) {
        spec = s;
      }
    }
    if (!rng.chance(0.7)) {
      spec = rng.pick(java.util.List.of(IBAN));
    }
    String bban = rng.pattern(spec[1].replace(" ", ""));
    String check = ibanCheck(spec[0], bban);
    String compact = spec[0] + check + bban;
    return rng.chance(0.75) ? group(compact, 4) : compact;
  }

  static String ibanCheck(String country, String bban) {
    String rearranged = bban + country + "00";
    StringBuilder digits = new StringBuilder();
    for (char c : rearranged.toCharArray()) {
      digits.append(Character.isLetter(c) ? Integer.toString(c - 'A' + 10) : String.valueOf(c));
    }
    int mod = new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue();
    return String.format(Locale.ROOT, "%02d", 98 - mod);
  }

  private static String group(String s, int n) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i += n) {
      if (i > 0) {
        sb.append(' ');
      }
      sb.append(s, i, Math.min(s.length(), i + n));
    }
    return sb.toString();
  }

  /** A card number that passes the Luhn check, grouped as printed on the card (or not at all). */
  String card() {
    String prefix;
    int length = 16;
    switch (rng.weighted(0.45, 0.3, 0.12, 0.07, 0.06)) {
      case 0 -> prefix = "4" + rng.digits(3);
      case 1 -> prefix = rng.chance(0.8) ? "5" + rng.between(1, 5) + rng.digits(2) : "2" + rng.between(221, 720);
      case 2 -> {
        prefix = "3" + rng.oneOf("4", "7") + rng.digits(2);
        length = 15;
      }
      case 3 -> prefix = "6011";
      default -> prefix = "35" + rng.between(28, 89);
    }
    String body = prefix + rng.digits(length - prefix.length() - 1);
    String number = body + luhnDigit(body);
    if (rng.chance(0.25)) {
      return number;
    }
    if (length == 15) {
      return number.substring(0, 4) + " " + number.substring(4, 10) + " " + number.substring(10);
    }
    String sep = rng.chance(0.85) ? " " : "-";
    return String.join(sep, number.substring(0, 4), number.substring(4, 8), number.substring(8, 12),
        number.substring(12));
  }

  static int luhnDigit(String body) {
    int sum = 0;
    for (int i = 0; i < body.length(); i++) {
      int d = body.charAt(body.length() - 1 - i) - '0';
      if (i % 2 == 0) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
    }
    return (10 - sum % 10) % 10;
  }

  /** A nine-digit ABA routing number with its weighted checksum (3, 7, 1). */
  String routing() {
    String body = rng.oneOf("0", "1", "2", "3") + rng.between(1, 9) + rng.digits(6);
    int[] w = {3, 7, 1, 3, 7, 1, 3, 7};
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += w[i] * (body.charAt(i) - '0');
    }
    return body + (10 - sum % 10) % 10;
  }

  String bankAccount(String country) {
    return switch (country) {
      case "GB", "IE" -> rng.chance(0.5) ? rng.pattern("##-##-## ########") : rng.pattern("########");
      case "US", "CA" -> rng.digits(rng.between(8, 12));
      case "IN" -> rng.digits(rng.between(11, 14));
      case "AU" -> rng.pattern("###-### ########");
      default -> rng.chance(0.6) ? iban(country) : rng.digits(10);
    };
  }

  /** A government id of the country, with a subtype naming it. */
  String[] nationalId(String country) {
    return switch (country) {
      case "US" -> new String[] {"us_ssn", ssn()};
      case "GB" -> new String[] {"uk_nino", rng.from("ABCEGHJKLMNPRSTWXYZ", 2) + " " + rng.pattern("## ## ## ")
          + rng.oneOf("A", "B", "C", "D")};
      case "CA" -> new String[] {"ca_sin", rng.pattern("### ### ###")};
      case "AU" -> new String[] {"au_tfn", rng.pattern("### ### ###")};
      case "IN" -> rng.chance(0.5) ? new String[] {"in_aadhaar", rng.between(2, 9) + rng.pattern("### #### ####")}
          : new String[] {"in_pan", rng.pattern("???") + "P" + rng.pattern("?####?")};
      case "DE" -> new String[] {"de_id", rng.pattern("?########")};
      case "FR" -> new String[] {"fr_insee", rng.oneOf("1", "2") + rng.pattern(" ## ## ## ### ### ##")};
      case "ES" -> {
        int n = rng.between(10_000_000, 99_999_999);
        yield new String[] {"es_dni", n + String.valueOf("TRWAGMYFPDXBNJZSQVHLCKE".charAt(n % 23))};
      }
      case "IT" -> new String[] {"it_fiscal_code", rng.pattern("??????##?##?###?")};
      case "BR" -> new String[] {"br_cpf", rng.pattern("###.###.###-##")};
      case "NL" -> new String[] {"nl_bsn", rng.digits(9)};
      default -> new String[] {"passport", passport()};
    };
  }

  String ssn() {
    int area = rng.between(1, 899);
    if (area == 666) {
      area = 667;
    }
    return String.format(Locale.ROOT, "%03d-%02d-%04d", area, rng.between(1, 99), rng.between(1, 9999));
  }

  String passport() {
    return rng.chance(0.5) ? rng.digits(9) : rng.pattern(rng.oneOf("?#######", "??#######", "?########"));
  }

  String driverLicence() {
    return rng.pattern(rng.oneOf("?###-####-####-##", "?#######", "??######", "#########", "?### ### ### ###"));
  }

  /** Customer, member, policy, patient, booking and employee ids as companies print them. */
  String customerId() {
    return rng.pattern(rng.oneOf("C-######", "CUST-#####", "??-#######-?", "???-####-####-##", "???-#######",
        "??########", "#########", "E#####", "??-#####", "MRN-#######", "??? ### ### ###", "####-####-####",
        "?##########", "SUB-########", "??-####-####", "cus_**************", "ACC-######", "#######-##"));
  }

  String bookingRef() {
    return rng.pattern(rng.oneOf("??????", "???-####-######", "??#?#?", "#?##??", "???######"));
  }
}
