package dev.lethe.filter.detect;

/**
 * Check-digit algorithms of account and identity numbers. Each takes the bare digits (or characters)
 * and answers whether the number is internally consistent; none of them says a number exists.
 */
public final class Checksums {
  private Checksums() {}

  /** Luhn mod 10: payment cards, Canadian SIN, IMEI. */
  public static boolean luhn(CharSequence digits) {
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (d < 0 || d > 9) {
        return false;
      }
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return digits.length() > 1 && sum % 10 == 0;
  }

  /** ISO 7064 mod 97-10 as IBAN uses it: move the first four chars to the end, letters to 10..35. */
  public static boolean ibanMod97(CharSequence iban) {
    int n = iban.length();
    if (n < 5) {
      return false;
    }
    int rem = 0;
    for (int k = 0; k < n; k++) {
      char c = iban.charAt((k + 4) % n);
      if (c >= '0' && c <= '9') {
        rem = (rem * 10 + (c - '0')) % 97;
      } else if (c >= 'A' && c <= 'Z') {
        rem = (rem * 100 + (c - 'A' + 10)) % 97;
      } else {
        return false;
      }
    }
    return rem == 1;
  }

  /** ABA routing number: weights 3, 7, 1 repeated, sum divisible by 10. */
  public static boolean abaRouting(CharSequence d) {
    if (d.length() != 9) {
      return false;
    }
    int[] w = {3, 7, 1};
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (d.charAt(i) - '0') * w[i % 3];
    }
    return sum % 10 == 0;
  }

  /** NHS number (England, Wales, Isle of Man): 10 digits, mod 11 with weights 10..2. */
  public static boolean nhs(CharSequence d) {
    if (d.length() != 10) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (d.charAt(i) - '0') * (10 - i);
    }
    int check = 11 - sum % 11;
    if (check == 11) {
      check = 0;
    }
    return check != 10 && check == d.charAt(9) - '0';
  }

  /** Dutch BSN: 9 digits, "eleven test" with weights 9..2 and -1. */
  public static boolean bsn(CharSequence d) {
    if (d.length() != 9) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 8; i++) {
      sum += (d.charAt(i) - '0') * (9 - i);
    }
    sum -= d.charAt(8) - '0';
    return sum % 11 == 0 && sum != 0;
  }

  /** Brazilian CPF: 11 digits with two mod-11 check digits; all-same-digit numbers are invalid. */
  public static boolean cpf(CharSequence d) {
    if (d.length() != 11 || d.chars().distinct().count() == 1) {
      return false;
    }
    for (int check = 9; check <= 10; check++) {
      int sum = 0;
      for (int i = 0; i < check; i++) {
        sum += (d.charAt(i) - '0') * (check + 1 - i);
      }
      int v = (sum * 10) % 11 % 10;
      if (v != d.charAt(check) - '0') {
        return false;
      }
    }
    return true;
  }

  private static final int[][] VERHOEFF_D = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
    {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
    {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
    {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}
  };
  private static final int[][] VERHOEFF_P = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
    {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
    {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}
  };

  /** Verhoeff: Indian Aadhaar numbers. */
  public static boolean verhoeff(CharSequence d) {
    int c = 0;
    for (int i = 0; i < d.length(); i++) {
      int digit = d.charAt(d.length() - 1 - i) - '0';
      c = VERHOEFF_D[c][VERHOEFF_P[i % 8][digit]];
    }
    return d.length() > 1 && c == 0;
  }

  private static final String DNI_LETTERS = "TRWAGMYFPDXBNJZSQVHLCKE";

  /** Spanish DNI (8 digits + letter) or NIE (X/Y/Z + 7 digits + letter), uppercase, no separators. */
  public static boolean spanishId(CharSequence id) {
    if (id.length() != 9) {
      return false;
    }
    StringBuilder num = new StringBuilder(8);
    char first = id.charAt(0);
    int from = 0;
    if (first == 'X' || first == 'Y' || first == 'Z') {
      num.append((char) ('0' + "XYZ".indexOf(first)));
      from = 1;
    }
    for (int i = from; i < 8; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      num.append(c);
    }
    return DNI_LETTERS.charAt(Integer.parseInt(num.toString()) % 23) == id.charAt(8);
  }

  /** Australian tax file number: 9 digits, weights 1,4,3,7,5,8,6,9,10, sum divisible by 11. */
  public static boolean australianTfn(CharSequence d) {
    if (d.length() != 9) {
      return false;
    }
    int[] w = {1, 4, 3, 7, 5, 8, 6, 9, 10};
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      sum += (d.charAt(i) - '0') * w[i];
    }
    return sum % 11 == 0;
  }

  private static final int[] CF_ODD = {1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14,
      16, 10, 22, 25, 24, 23};

  /** Italian codice fiscale: 16 chars, the last a check letter over odd and even positions. */
  public static boolean codiceFiscale(CharSequence cf) {
    if (cf.length() != 16) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 15; i++) {
      char c = cf.charAt(i);
      int v;
      if (c >= '0' && c <= '9') {
        v = c - '0';
      } else if (c >= 'A' && c <= 'Z') {
        v = c - 'A';
      } else {
        return false;
      }
      sum += (i % 2 == 0) ? CF_ODD[v] : v;
    }
    return cf.charAt(15) == (char) ('A' + sum % 26);
  }

  /**
   * French NIR (numéro de sécurité sociale), 15 chars: key = 97 - (first 13 digits mod 97). Corsica's
   * departments 2A and 2B count as 19 and 18 in the key.
   */
  public static boolean frenchNir(CharSequence nir) {
    if (nir.length() != 15) {
      return false;
    }
    String s = nir.toString();
    String dept = s.substring(5, 7);
    if (dept.equals("2A")) {
      s = s.substring(0, 5) + "19" + s.substring(7);
    } else if (dept.equals("2B")) {
      s = s.substring(0, 5) + "18" + s.substring(7);
    }
    long body = 0;
    for (int i = 0; i < 15; i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
      if (i < 13) {
        body = body * 10 + (c - '0');
      }
    }
    return 97 - body % 97 == Integer.parseInt(s.substring(13));
  }

  /** ISO 7064 MOD 11,10 (hybrid system): the German Steuer-ID's check digit, the last digit. */
  public static boolean iso7064Mod11x10(CharSequence d) {
    int product = 10;
    for (int i = 0; i < d.length() - 1; i++) {
      int c = d.charAt(i) - '0';
      if (c < 0 || c > 9) {
        return false;
      }
      int sum = (c + product) % 10;
      product = (sum == 0 ? 10 : sum) * 2 % 11;
    }
    int check = (11 - product) % 10;
    return d.length() > 1 && check == d.charAt(d.length() - 1) - '0';
  }

  /**
   * German Steuer-ID (steuerliche Identifikationsnummer): 11 digits, no leading 0; among the first ten
   * exactly one digit occurs twice or three times (not three times in a row) and every other at most once;
   * ISO 7064 MOD 11,10 check digit.
   */
  public static boolean germanSteuerId(CharSequence d) {
    if (d.length() != 11 || d.charAt(0) == '0') {
      return false;
    }
    int[] counts = new int[10];
    for (int i = 0; i < 10; i++) {
      int c = d.charAt(i) - '0';
      if (c < 0 || c > 9) {
        return false;
      }
      counts[c]++;
      if (i >= 2 && d.charAt(i) == d.charAt(i - 1) && d.charAt(i) == d.charAt(i - 2)) {
        return false;
      }
    }
    int repeated = 0;
    for (int count : counts) {
      if (count > 3) {
        return false;
      }
      repeated += count > 1 ? 1 : 0;
    }
    return repeated == 1 && iso7064Mod11x10(d);
  }

  private static final String CURP_ALPHABET = "0123456789ABCDEFGHIJKLMN\u00D1OPQRSTUVWXYZ";

  /** Mexican CURP, 18 chars: the last is 10 - (sum of value x (18 - position) mod 10), mod 10. */
  public static boolean curp(CharSequence c) {
    if (c.length() != 18) {
      return false;
    }
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      int v = CURP_ALPHABET.indexOf(c.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += v * (18 - i);
    }
    return (10 - sum % 10) % 10 == c.charAt(17) - '0';
  }

  private static final String RFC_ALPHABET = "0123456789ABCDEFGHIJKLMN&OPQRSTUVWXYZ \u00D1";

  /**
   * Mexican RFC (12 chars for a company, 13 for a person): the last char of the SAT homoclave is a mod-11
   * check over the others, right-aligned to 12 positions with spaces.
   */
  public static boolean rfc(CharSequence r) {
    int n = r.length();
    if (n != 12 && n != 13) {
      return false;
    }
    String padded = (n == 12 ? " " : "") + r.subSequence(0, n - 1);
    int sum = 0;
    for (int i = 0; i < 12; i++) {
      int v = RFC_ALPHABET.indexOf(padded.charAt(i));
      if (v < 0) {
        return false;
      }
      sum += v * (13 - i);
    }
    return RFC_ALPHABET.charAt((11 - sum % 11) % 11) == r.charAt(n - 1);
  }

  /** UK Unique Taxpayer Reference: 10 digits, the first a check over the other nine (weights 6..2). */
  public static boolean ukUtr(CharSequence d) {
    if (d.length() != 10) {
      return false;
    }
    int[] w = {6, 7, 8, 9, 10, 5, 4, 3, 2};
    int sum = 0;
    for (int i = 0; i < 9; i++) {
      int c = d.charAt(i + 1) - '0';
      if (c < 0 || c > 9) {
        return false;
      }
      sum += c * w[i];
    }
    return "21987654321".charAt(sum % 11) == d.charAt(0);
  }
}
