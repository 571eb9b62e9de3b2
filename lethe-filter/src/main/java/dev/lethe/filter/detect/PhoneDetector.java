package dev.lethe.filter.detect;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.Leniency;
import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.List;
import java.util.Objects;

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
      "puhelin", "tfn", "dial", "voicemail", "emergency"};
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
        || (ws > 0 && (text.charAt(ws - 1) == '.' || text.charAt(ws - 1) == '-'))) {
      return; // part of a longer token: a version, an id, a longer digit run
    }
    if (isCardNumber(text, start, end) || isIpOrVersion(text, start, end)) {
      return;
    }
    String window = text.substring(ws, end);
    String before = Context.before(text, ws, 32);
    int lastCue = Context.endsWithKey(before, KEYS) ? before.length() : Context.lastWord(before, CUES);
    int lastOther = Context.lastWord(before, OTHER_CUES);
    boolean cue = lastCue > lastOther || lastOther < 0 && Context.hasWord(Context.after(text, end, 14), AFTER_CUES);
    boolean otherCue = lastOther > lastCue;
    boolean international = window.startsWith("+") || window.startsWith("00");

    if (emit(window, ws, region, Leniency.VALID, cue ? 0.97 : otherCue ? 0.45 : 0.9, out, text)) {
      return;
    }
    if (international) {
      return; // an international number that is not valid anywhere is not a phone
    }
    double otherScore = cue ? 0.75 : 0.35;
    for (String r : OTHER_REGIONS) {
      if (!r.equals(region) && emit(window, ws, r, Leniency.VALID, otherScore, out, text)) {
        return;
      }
    }
    if (cue) {
      int digits = Context.digitsOf(window, 0, window.length()).length();
      if (digits >= 7 && digits <= 13) {
        out.add(new Span(Label.PRIVATE_PHONE, null, start, end, 0.7, NAME));
      }
    }
  }

  private static boolean emit(String window, int offset, String region, Leniency leniency, double score,
      List<Span> out, String text) {
    boolean any = false;
    for (PhoneNumberMatch m : UTIL.findNumbers(window, region, leniency, 20)) {
      int s = offset + m.start();
      int e = offset + m.end();
      if (!Context.boundaryAfter(text, e) || !Context.boundaryBefore(text, s) && text.charAt(s) != '+') {
        continue;
      }
      out.add(new Span(Label.PRIVATE_PHONE, null, s, e, score, NAME));
      any = true;
    }
    return any;
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
