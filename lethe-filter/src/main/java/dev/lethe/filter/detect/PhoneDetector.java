package dev.lethe.filter.detect;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Phone and fax numbers, validated by libphonenumber ({@link PhoneNumberUtil#findNumbers}) against each
 * country's numbering plan.
 *
 * <p>Scores: a number valid in the default region, or written internationally (+CC / 00CC) and valid in
 * its country, 0.9 (0.97 with a cue such as "phone", "call me", "fax"); a number valid only in another
 * common region, or a phone-shaped digit group, needs a cue (0.75) and otherwise scores below the
 * balanced threshold. A cue of another kind ("account", "card", "order") pulls the score down: ten digits
 * after "account" are an account number even when they also dial.
 *
 * <p>libphonenumber is run only on small windows around digit clusters, and never reports numbers inside
 * longer digit runs, dates it recognises (08/31/95) or timestamps. Card numbers are left to the account
 * detector: a Luhn-valid card number is never reported as a phone.
 */
public final class PhoneDetector implements Detector {
  static final String NAME = "phone";
  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
  private static final String[] CUES = {"phone", "phones", "tel", "telephone", "mobile", "mob", "cell",
      "cellphone", "fax", "call", "called", "calling", "ring", "text", "texted", "sms", "whatsapp", "signal",
      "contact", "reach", "hotline", "landline", "tél", "téléphone", "portable", "telefon", "handy",
      "teléfono", "telefono", "móvil", "movil", "telefone", "celular", "cellulare", "tlf", "mobil",
      "puhelin", "tfn", "dial", "voicemail", "emergency", "my number", "her number", "his number",
      "your number", "their number", "our number", "ligar", "llamar", "appeler", "anrufen", "answering",
      "messages", "message", "texts", "texting", "phoned", "rang"};
  /** Numbers that are dates, never phones. */
  private static final Pattern DATE_SHAPED = Pattern.compile(
      "\\d{4}[-/.]\\d{1,2}[-/.]\\d{1,2}|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{2,4}");
  private static final String[] KEYS = {"m:", "t:", "p:", "f:", "ph:", "m.", "t.", "tel:", "mob:", "c:",
      "h:", "w:", "o:", "cell:", "mobile:", "phone:", "fax:"};
  private static final String[] AFTER_CUES = {"mobile", "cell", "office", "fax", "home", "work", "direct",
      "landline", "whatsapp"};
  private static final String[] OTHER_CUES = {"account", "acct", "card", "iban", "routing", "ssn", "sin",
      "order", "invoice", "ref", "reference", "ticket", "case", "claim", "policy", "member", "customer",
      "patient", "mrn", "passport", "licence", "license", "id", "nhs", "tracking", "booking", "serial",
      "isbn", "zip", "postcode", "vat", "tax", "employee", "student", "confirmation", "transaction"};
  private static final String[] OTHER_REGIONS = {"GB", "DE", "FR", "ES", "IT", "NL", "BE", "CH", "AT",
      "SE", "NO", "DK", "FI", "PL", "PT", "IE", "IN", "AU", "NZ", "BR", "MX", "AR", "JP", "CN", "KR",
      "SG", "ZA", "NG", "KE", "RU", "TR", "AE"};

  private final String region;

  /** @param region ISO 3166 alpha-2 region whose national formats are recognised without a country code */
  public PhoneDetector(String region) {
    this.region = Objects.requireNonNull(region);
    if (!UTIL.getSupportedRegions().contains(region)) {
      throw new IllegalArgumentException("unknown phone region '" + region + "'");
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void detect(String text, List<Span> out) {
    DigitClusters.scan(text, 6, (start, end, digits) -> {
      if (digits <= 17) {
        cluster(text, start, end, out);
      }
    });
  }

  private void cluster(String text, int start, int end, List<Span> out) {
    int ws = start;
    while (ws > 0 && start - ws < 3 && (text.charAt(ws - 1) == '+' || text.charAt(ws - 1) == '('
        || text.charAt(ws - 1) == ' ')) {
      ws--;
    }
    while (ws < start && text.charAt(ws) == ' ') {
      ws++;
    }
    if (!Context.boundaryBefore(text, ws) || !Context.boundaryAfter(text, end)
        || (ws > 0 && (text.charAt(ws - 1) == '.' || text.charAt(ws - 1) == '-' || text.charAt(ws - 1) == ':'))
        || (end + 1 < text.length() && text.charAt(end) == ':' && Context.isAsciiDigit(text.charAt(end + 1)))) {
      return; // part of a longer token: a version, an id, a longer digit run, a clock time
    }
    if (isCardNumber(text, start, end) || isIpOrVersion(text, start, end) || DATE_SHAPED.matcher(text.substring(start, end)).matches()) {
      return;
    }
    String window = text.substring(ws, end);
    String before = Context.before(text, ws, 32);
    int lastCue = Context.endsWithKey(before, KEYS) ? before.length() : Context.lastWord(before, CUES);
    int lastOther = Context.lastWord(before, OTHER_CUES);
    boolean cue = lastCue > lastOther || lastOther < 0 && Context.hasWord(Context.after(text, end, 14), AFTER_CUES);
    boolean otherCue = lastOther > lastCue;

    Candidate best = longest(window, region, Leniency.VALID);
    if (best != null) {
      emit(best, ws, text, cue ? 0.97 : otherCue ? 0.45 : 0.9, out);
      return;
    }
    boolean international = window.startsWith("+") || window.startsWith("00");
    if (window.startsWith("00")) {
      // 00 is the international prefix of most countries: read "0044 20..." as "+44 20..." (same length)
      best = longest(" +" + window.substring(2), region, Leniency.VALID);
      if (best != null) {
        emit(new Candidate(best.start() == 1 ? 0 : best.start(), best.end(), best.raw(), best.number()), ws, text,
            cue ? 0.97 : otherCue ? 0.45 : 0.9, out);
        return;
      }
    }
    if (international) {
      best = longest(window, region, Leniency.POSSIBLE);
      if (best != null) { // right length for its country, outside today's allocations (e.g. drama ranges)
        emit(best, ws, text, cue ? 0.85 : otherCue ? 0.4 : 0.75, out);
      }
      return;
    }
    for (String r : OTHER_REGIONS) {
      if (!r.equals(region)) {
        Candidate c = longest(window, r, Leniency.VALID);
        if (c != null && (best == null || c.length() > best.length()
            || c.length() == best.length() && writtenAsNational(c) && !writtenAsNational(best))) {
          best = c;
        }
      }
    }
    if (best != null) {
      double score = writtenAsNational(best) ? 0.7 : best.raw().startsWith("0") && best.digits() >= 9 ? 0.55 : 0.35;
      emit(best, ws, text, otherCue ? Math.min(score, 0.4) : cue ? Math.max(score, 0.8) : score, out);
      return;
    }
    if (cue) {
      int digits = Context.digitsOf(window, 0, window.length()).length();
      if (digits >= 7 && digits <= 13) {
        out.add(new Span(Label.PRIVATE_PHONE, null, start, trimParens(text, start, end), 0.7, NAME));
      }
    }
  }

  /** A libphonenumber match inside a window. */
  private record Candidate(int start, int end, String raw, PhoneNumber number) {
    int length() {
      return end - start;
    }

    int digits() {
      return Context.digitsOf(raw, 0, raw.length()).length();
    }
  }

  private static Candidate longest(String window, String region, Leniency leniency) {
    Candidate best = null;
    for (PhoneNumberMatch m : UTIL.findNumbers(window, region, leniency, 20)) {
      if (best == null || m.end() - m.start() > best.length()) {
        best = new Candidate(m.start(), m.end(), m.rawString(), m.number());
      }
    }
    return best;
  }

  /** Whether the number is written exactly as its country formats it nationally ("07700 900412"). */
  private static boolean writtenAsNational(Candidate c) {
    return UTIL.format(c.number(), PhoneNumberFormat.NATIONAL).equals(c.raw());
  }

  private static void emit(Candidate c, int offset, String text, double score, List<Span> out) {
    int s = offset + c.start();
    int e = trimParens(text, s, offset + c.end());
    if (text.charAt(s) == '(' && text.indexOf(')', s) >= e) {
      s++; // "(604 555 0117)": the parentheses wrap the number, they are not its area-code brackets
    }
    if (!Context.boundaryAfter(text, e) || !Context.boundaryBefore(text, s) && text.charAt(s) != '+') {
      return;
    }
    PhoneNumberType type = UTIL.getNumberType(c.number());
    if (type == PhoneNumberType.TOLL_FREE || type == PhoneNumberType.PREMIUM_RATE
        || type == PhoneNumberType.SHARED_COST || type == PhoneNumberType.UAN) {
      score = Math.min(score, 0.3); // a company's public line, not a person's
    }
    out.add(new Span(Label.PRIVATE_PHONE, null, s, e, score, NAME));
  }

  /** Drops a closing parenthesis at the end that has no opening one inside the span. */
  private static int trimParens(String text, int s, int e) {
    if (e > s && text.charAt(e - 1) == ')' && text.lastIndexOf('(', e - 1) < s) {
      return e - 1;
    }
    return e;
  }

  /** 13 to 19 digits that pass Luhn with a card issuer prefix: the account detector's, not ours. */
  private static boolean isCardNumber(String text, int start, int end) {
    String d = Context.digitsOf(text, start, end);
    return d.length() >= 13 && d.length() <= 19 && Checksums.luhn(d) && AccountNumberDetector.cardBrand(d) != null;
  }

  /** Dotted quads (192.168.1.20) and dotted versions (1.2.3.4). */
  private static boolean isIpOrVersion(String text, int start, int end) {
    int dots = 0;
    for (int i = start; i < end; i++) {
      char c = text.charAt(i);
      if (c == '.') {
        dots++;
      } else if (!Context.isAsciiDigit(c)) {
        return false;
      }
    }
    if (dots != 3) {
      return false;
    }
    for (String part : text.substring(start, end).split("\\.")) {
      if (part.isEmpty() || part.length() > 3) {
        return false;
      }
    }
    return true;
  }
}
