package dev.lethe.filter.detect;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * National, tax and health identifiers whose issuers publish a format or a check digit, validated the way
 * the issuer does (docs/account-formats.md lists each with its source):
 *
 * <ul>
 *   <li>French NIR ({@code fr_nir}): 15 chars, sex digit, year, month, department (2A/2B for Corsica),
 *       commune, serial, key = 97 - n mod 97;
 *   <li>German Steuer-ID ({@code de_steuer_id}): 11 digits, digit-repetition rule, ISO 7064 MOD 11,10;
 *   <li>German Steuernummer ({@code de_steuernummer}): the 10/11-digit formats of the 16 Länder and the
 *       13-digit federal format, after a key word (it has no check digit common to all Länder);
 *   <li>Mexican CURP ({@code mx_curp}): 18 chars with birth date, sex, state code and check digit;
 *   <li>Mexican RFC ({@code mx_rfc}): 12/13 chars with a date and a mod-11 homoclave check;
 *   <li>US Medicare Beneficiary Identifier ({@code us_mbi}): the CMS position rules of its 11 chars;
 *   <li>UK Unique Taxpayer Reference ({@code uk_utr}) and Australian Centrelink Customer Reference Number
 *       ({@code au_crn}), after a key word.
 * </ul>
 *
 * <p>A number whose check digit verifies is reported on its own; with its key word before it the score
 * is higher. Formats without a check digit, or so short that random numbers pass it (Steuer-ID one in
 * 250, UTR one in 11), need the key word; without it a checked Steuer-ID is reported for recall only.
 *
 * <p>Speed: candidates are digit clusters ({@link DigitClusters}) and runs of capitals and digits; the
 * patterns run on a candidate only when its length fits, and the key words are looked up in the few
 * chars before a candidate.
 */
public final class NationalIdDetector implements Detector {
  static final String NAME = "national_id";

  /** A checked number with its key word, a checked number alone, a key word and the format only. */
  private static final double KEYED = 0.97;
  private static final double CHECKED = 0.9;
  private static final double FORMAT = 0.8;
  private static final double RECALL_ONLY = 0.4;

  private static final String[] NIR_KEYS = {"sécurité sociale", "securite sociale", "sécu", "secu", "nir",
      "insee", "numéro ss", "n° ss", "ss", "carte vitale", "social security", "numero de securite"};
  private static final String[] STEUER_ID_KEYS = {"steuer-id", "steuerid", "steuer-idnr", "steuer-identnummer",
      "steueridentifikationsnummer", "identifikationsnummer", "idnr", "id-nr", "tin", "tax id",
      "steuerliche identifikationsnummer", "tax identification number"};
  private static final String[] STEUERNUMMER_KEYS = {"steuernummer", "steuer-nr", "steuernr", "st.-nr",
      "st.nr", "stnr", "st-nr", "tax number", "steuer nr"};
  private static final String[] CURP_KEYS = {"curp", "clave única", "clave unica"};
  private static final String[] RFC_KEYS = {"rfc", "registro federal de contribuyentes"};
  private static final String[] MBI_KEYS = {"mbi", "medicare", "beneficiary", "medicare number",
      "medicare id"};
  private static final String[] UTR_KEYS = {"utr", "unique taxpayer reference", "taxpayer reference",
      "tax reference", "self assessment"};
  private static final String[] CRN_KEYS = {"crn", "customer reference number", "centrelink"};

  private static final Pattern NIR = Pattern.compile(
      "[1-478] ?\\d{2} ?(?:0[1-9]|1[0-2]|[2-9]\\d) ?(?:\\d{2}|2[AB]) ?\\d{3} ?\\d{3} ?\\d{2}");
  /**
   * The Steuernummer formats (F tax office, B district, U number, P check): per Land with slashes or
   * spaces as people write them (Berlin 21/815/08150, Bayern 181/815/08155, NRW 133/8150/8159, Hessen
   * 013 815 08153), and the 13-digit federal form.
   */
  private static final Pattern STEUERNUMMER = Pattern.compile(
      "\\d{2,3}[/ ]\\d{3,4}[/ ]\\d{4,5}|\\d{10,11}|\\d{13}");
  private static final Pattern CURP = Pattern.compile(
      "[A-Z][AEIOUX][A-Z]{2}\\d{6}[HMX](?:AS|BC|BS|CC|CH|CL|CM|CS|DF|DG|GR|GT|HG|JC|MC|MN|MS|NE|NL|NT|OC|PL"
          + "|QR|QT|SL|SP|SR|TC|TL|TS|VZ|YN|ZS|NE)[B-DF-HJ-NP-TV-Z]{3}[0-9A-Z]\\d");
  private static final Pattern RFC = Pattern.compile("[A-Z&\u00D1]{3,4}\\d{6}[1-9A-V][1-9A-Z][0-9A]");
  /** CMS: C A AN N A AN N A A N N, letters without S, L, O, I, B, Z; dashes after the 4th and 7th char. */
  private static final Pattern MBI = Pattern.compile(
      "[1-9][AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d(-?)[AC-HJKMNP-RT-Y][AC-HJKMNP-RT-Y0-9]\\d\\1"
          + "[AC-HJKMNP-RT-Y]{2}\\d{2}");
  private static final Pattern CRN = Pattern.compile("\\d{3} ?\\d{3} ?\\d{3} ?[A-Z]");

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void detect(String text, List<Span> out) {
    DigitClusters.scan(text, 5, (start, end, digits) -> cluster(text, start, end, digits, out));
    capitalRuns(text, out);
  }

  // ---- numbers: NIR, Steuer-ID, Steuernummer, UTR, CRN ----

  private static void cluster(String text, int start, int end, int digits, List<Span> out) {
    if (!Context.boundaryBefore(text, start)) {
      return;
    }
    String before = Context.before(text, start, 48);
    // A NIR's department may be 2A/2B, which ends the cluster: look at the pattern from the cluster start.
    if (digits >= 13 || corsicanBreak(text, end)) {
      Matcher m = NIR.matcher(text).region(start, Math.min(text.length(), start + 22));
      if (m.lookingAt() && Context.boundaryAfter(text, m.end())
          && Checksums.frenchNir(m.group().replace(" ", ""))) {
        add(out, "fr_nir", start, m.end(), Context.hasWord(before, NIR_KEYS) ? KEYED : CHECKED);
        return;
      }
    }
    if (digits == 9 && Context.hasWord(before, CRN_KEYS)) {
      Matcher m = CRN.matcher(text).region(start, Math.min(text.length(), start + 13));
      if (m.lookingAt() && Context.boundaryAfter(text, m.end())) {
        add(out, "au_crn", start, m.end(), KEYED);
        return;
      }
    }
    if (digits < 10 || !Context.boundaryAfter(text, end)) {
      return;
    }
    String raw = text.substring(start, end);
    String d = Context.digitsOf(text, start, end);
    if (d.length() == 11 && plainGroups(raw) && Checksums.germanSteuerId(d)) {
      add(out, "de_steuer_id", start, end, Context.hasWord(before, STEUER_ID_KEYS) ? KEYED : RECALL_ONLY);
      return;
    }
    if (Context.hasWord(before, STEUERNUMMER_KEYS) && STEUERNUMMER.matcher(raw).matches()) {
      add(out, "de_steuernummer", start, end, KEYED);
      return;
    }
    if (d.length() == 10 && plainGroups(raw) && Checksums.ukUtr(d) && Context.hasWord(before, UTR_KEYS)) {
      add(out, "uk_utr", start, end, KEYED);
      return;
    }
  }

  /** Whether a cluster ends right before "2A"/"2B" followed by a digit group: a Corsican NIR. */
  private static boolean corsicanBreak(String text, int end) {
    return end < text.length() && (text.charAt(end) == 'A' || text.charAt(end) == 'B')
        && text.charAt(end - 1) == '2';
  }

  /** Digits in groups separated by single spaces only: how tax numbers are printed, unlike dates or phones. */
  private static boolean plainGroups(String raw) {
    for (int i = 0; i < raw.length(); i++) {
      char c = raw.charAt(i);
      if (!Context.isAsciiDigit(c) && !(c == ' ' && i > 0 && raw.charAt(i - 1) != ' ')) {
        return false;
      }
    }
    return true;
  }

  // ---- runs of capitals and digits: CURP, RFC, MBI ----

  private static void capitalRuns(String text, List<Span> out) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      char c = text.charAt(i);
      if (!isRunChar(c) || !Context.boundaryBefore(text, i)) {
        i++;
        continue;
      }
      int start = i;
      boolean digit = false;
      boolean letter = false;
      while (i < n && (isRunChar(text.charAt(i)) || text.charAt(i) == '-' && i + 1 < n
          && isRunChar(text.charAt(i + 1)))) {
        digit |= Context.isAsciiDigit(text.charAt(i));
        letter |= !Context.isAsciiDigit(text.charAt(i)) && text.charAt(i) != '-';
        i++;
      }
      int len = i - start;
      if (digit && letter && len >= 11 && len <= 18 && Context.boundaryAfter(text, i)) {
        run(text, start, i, out);
      }
    }
  }

  private static boolean isRunChar(char c) {
    return Context.isAsciiDigit(c) || (c >= 'A' && c <= 'Z') || c == '\u00D1' || c == '&';
  }

  private static void run(String text, int start, int end, List<Span> out) {
    String v = text.substring(start, end);
    int len = v.length();
    if (len == 18 && CURP.matcher(v).matches() && validDate(v.substring(4, 10), v.charAt(16))) {
      boolean keyed = Context.hasWord(Context.before(text, start, 40), CURP_KEYS);
      if (Checksums.curp(v)) {
        add(out, "mx_curp", start, end, keyed ? KEYED : CHECKED);
      } else if (keyed) {
        add(out, "mx_curp", start, end, FORMAT);
      }
    } else if ((len == 12 || len == 13) && RFC.matcher(v).matches()
        && validDate(v.substring(len - 9, len - 3), 'A')) {
      boolean keyed = Context.hasWord(Context.before(text, start, 40), RFC_KEYS);
      // The SAT does not hold every RFC to its check char: a keyed one counts without it.
      if (keyed) {
        add(out, "mx_rfc", start, end, Checksums.rfc(v) ? KEYED : CHECKED);
      } else if (Checksums.rfc(v)) {
        add(out, "mx_rfc", start, end, FORMAT);
      }
    } else if ((len == 11 || len == 13) && MBI.matcher(v).matches()) {
      boolean keyed = Context.hasWord(Context.before(text, start, 40), MBI_KEYS);
      add(out, "us_mbi", start, end, keyed ? KEYED : FORMAT);
    }
  }

  /**
   * Whether {@code yymmdd} is a calendar date. {@code century} is the CURP's 17th char: a digit for births
   * before 2000, a letter after; RFC dates are checked in a leap century.
   */
  private static boolean validDate(String yymmdd, char century) {
    int year = Integer.parseInt(yymmdd.substring(0, 2)) + (Context.isAsciiDigit(century) ? 1900 : 2000);
    try {
      LocalDate.of(year, Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4)));
      return true;
    } catch (DateTimeException e) {
      return false;
    }
  }

  private static void add(List<Span> out, String subtype, int start, int end, double score) {
    out.add(new Span(Label.ACCOUNT_NUMBER, subtype, start, end, score, NAME));
  }
}
