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
  /**
   * Regions whose national numbers are written with a trunk 0 or an area code in parentheses, most
   * written-to first: where a national-looking number without country code is tried when the default
   * region does not read it.
   */
  private static final String[] NATIONAL_REGIONS = {"GB", "AU", "DE", "FR", "IN", "BR", "IT", "NL", "IE",
      "NZ", "BE", "CH", "AT", "SE", "ZA", "NG", "JP", "MX", "AR", "TR"};

  private static final int MAX_WINDOW = 96;
  private final String region;
  /** Fewest digits of a national number in the default region (US: 10), from libphonenumber's metadata. */
  private final int minNationalDigits;

  /** @param region ISO 3166 alpha-2 region whose national formats are recognised without a country code */
  public PhoneDetector(String region) {
    this.region = Objects.requireNonNull(region);
    if (!UTIL.getSupportedRegions().contains(region)) {
      throw new IllegalArgumentException("unknown phone region '" + region + "'");
    }
    this.minNationalDigits = minNationalLength(region);
  }

  /** The fewest digits a full national number of {@code region} can have, asked of libphonenumber. */
  private static int minNationalLength(String region) {
    String digits = "234567890123456789";
    for (int n = 3; n <= 17; n++) {
      try {
        PhoneNumber p = UTIL.parse(digits.substring(0, n), region);
        if (UTIL.isPossibleNumberWithReason(p) == PhoneNumberUtil.ValidationResult.IS_POSSIBLE) {
          return n;
        }
      } catch (com.google.i18n.phonenumbers.NumberParseException e) {
        // not a number at this length: try the next
      }
    }
    return 6;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void detect(String text, List<Span> found) {
    List<Span> out = new java.util.ArrayList<>();
    DigitClusters.scan(text, 6, (start, end, digits) -> {
      if (end - start <= MAX_WINDOW) {
        cluster(text, start, end, out);
        return;
      }
      // a long run of numbers (a table, a list): overlapping windows, each longer than any phone number
      for (int s = start; s < end; s += MAX_WINDOW / 2) {
        int e = Math.min(end, s + MAX_WINDOW);
        while (s > start && Context.isAsciiDigit(text.charAt(s - 1)) && s < e) {
          s++;
        }
        cluster(text, s, e, out);
      }
    });
    // A fragment of a longer reading is not a number of its own: "048 5500" inside the toll-free
    // "0800 048 5500" stays a company line whatever another region's plan says about the fragment.
    for (Span s : out) {
      if (out.stream().noneMatch(o -> o.contains(s) && o.length() > s.length())) {
        found.add(s);
      }
    }
  }

  private void cluster(String text, int start, int end, List<Span> out) {
    if (isCardNumber(text, start, end) || isIpOrVersion(text, start, end)
        || DATE_SHAPED.matcher(text.substring(start, end)).matches()) {
      return;
    }
    int ws = windowStart(text, start);
    String window = text.substring(ws, end);
    if (window.charAt(0) != '+' && end - start >= 12 && Context.digitsOf(text, start, end).length() == end - start) {
      return; // twelve or more digits without a separator or a '+': a card, an IBAN tail, an id
    }
    Cues cues = cues(text, ws, end);
    double validScore = cues.phone ? 0.97 : cues.other ? 0.45 : 0.9;
    boolean international = window.startsWith("+") || window.startsWith("00");
    if (!international && Context.digitsOf(text, start, end).length() < minNationalDigits) {
      unread(text, start, end, out); // too short for the default region: only another region's plan can read it
      return;
    }

    // Several numbers may share one cluster ("+44 20 7946 0958 (919) 555-0148"): every match is a
    // candidate, and the span resolver keeps the longest readings.
    int before = out.size();
    for (Candidate c : matches(window, region, Leniency.VALID)) {
      emit(c, ws, text, validScore, out);
    }
    if (window.startsWith("00")) {
      // 00 is the international prefix of most countries: read "0044 20..." as "+44 20..." (same length)
      for (Candidate c : matches(" +" + window.substring(2), region, Leniency.VALID)) {
        emit(c.start() == 1 ? c.withStart(0) : c, ws, text, validScore, out);
      }
    }
    // What the default region leaves unread is read on its own, exactly as if it stood alone, so that
    // masking one number never changes how its neighbour is read.
    List<Span> read = List.copyOf(out.subList(before, out.size()));
    int runStart = -1;
    int runEnd = -1;
    for (int[] group : DigitClusters.groups(text, start, end, " ")) {
      boolean covered = read.stream().anyMatch(sp -> sp.start() < group[1] && group[0] < sp.end());
      if (!covered) {
        runStart = runStart < 0 ? group[0] : runStart;
        runEnd = group[1];
      }
      if (covered || group[1] == end) {
        if (runStart >= 0) {
          unread(text, runStart, runEnd, out);
        }
        runStart = -1;
      }
    }
  }

  /**
   * Reads a run of digit groups that no number of the default region covers. Other regions' plans are
   * consulted only for runs written like a national number (a trunk 0 or an area code in parentheses) or
   * after a phone cue: trying thirty numbering plans on every amount, year or id would be slow and wrong.
   */
  private void unread(String text, int start, int end, List<Span> out) {
    int digits = Context.digitsOf(text, start, end).length();
    if (digits < 6) {
      return;
    }
    int ws = windowStart(text, start);
    String window = text.substring(ws, end);
    Cues cues = cues(text, ws, end);
    boolean international = window.startsWith("+") || window.startsWith("00");
    boolean nationalShape = window.startsWith("0") || window.startsWith("(");
    if (!international && !(cues.phone || nationalShape) || !international && digits > 13) {
      return; // neither a country code, a national shape nor a cue: an amount, a year, an id
    }
    if (international) {
      // right length for its country, outside today's allocations (e.g. the drama ranges)
      for (Candidate c : matches(window, region, Leniency.POSSIBLE)) {
        emit(c, ws, text, cues.phone ? 0.85 : cues.other ? 0.4 : 0.75, out);
      }
      return;
    }
    if (nationalShape && digits >= 7 && digits <= 13) {
      // the first region (most written-to first) whose national format the writer used wins; else the
      // first region where the number is valid at all
      Candidate valid = null;
      for (String r : NATIONAL_REGIONS) {
        if (r.equals(region)) {
          continue;
        }
        List<Candidate> found = wholeMatches(window, r);
        if (found.isEmpty()) {
          continue;
        }
        Candidate c = found.get(0);
        if (writtenAsNational(c)) {
          valid = c;
          break;
        }
        valid = valid == null ? c : valid;
      }
      if (valid != null) {
        double score = writtenAsNational(valid) ? 0.7 : valid.digits() >= 9 ? 0.55 : 0.35;
        emit(valid, ws, text, cues.other ? Math.min(score, 0.4) : cues.phone ? Math.max(score, 0.8) : score, out);
      }
    }
    // Right after an explicit phone cue the whole digit group is the number, even in a format no plan
    // knows; as the longer reading it also wins over any partial match above ("21 284 698 2548").
    int last = trimParens(text, start, end);
    boolean readWhole = out.stream().anyMatch(sp -> sp.start() <= start && sp.end() >= last);
    if (cues.phone && !readWhole && Context.boundaryBefore(text, start) && Context.boundaryAfter(text, end)
        && digits >= 7 && digits <= 13) {
      out.add(new Span(Label.PRIVATE_PHONE, null, start, last, 0.7, NAME));
    }
  }

  /** Where a number starting at {@code start} may begin: with a '+' or '(' right before it. */
  private static int windowStart(String text, int start) {
    int ws = start;
    while (ws > 0 && start - ws < 3 && (text.charAt(ws - 1) == '+' || text.charAt(ws - 1) == '('
        || text.charAt(ws - 1) == ' ')) {
      ws--;
    }
    while (ws < start && text.charAt(ws) == ' ') {
      ws++;
    }
    return ws;
  }

  /** Which kind of cue stands nearest before a number: a phone cue, or one of another kind of number. */
  private record Cues(boolean phone, boolean other) {}

  private static Cues cues(String text, int start, int end) {
    String before = Context.before(text, start, 32);
    for (int i = before.length() - 1; i >= 0; i--) {
      if (Context.isAsciiDigit(before.charAt(i))) {
        // a cue before another number belongs to that number: "Member ID: XOF882104557 +44 20 ..."
        before = before.substring(i + 1);
        break;
      }
    }
    int lastCue = Context.endsWithKey(before, KEYS) ? before.length() : Context.lastWord(before, CUES);
    int lastOther = Context.lastWord(before, OTHER_CUES);
    boolean phone = lastCue > lastOther || lastOther < 0 && Context.hasWord(Context.after(text, end, 14), AFTER_CUES);
    return new Cues(phone, lastOther > lastCue);
  }

  /** A libphonenumber match inside a window. */
  private record Candidate(int start, int end, String raw, PhoneNumber number) {
    Candidate withStart(int newStart) {
      return new Candidate(newStart, end, raw, number);
    }

    int digits() {
      return Context.digitsOf(raw, 0, raw.length()).length();
    }
  }

  /**
   * The numbers libphonenumber finds in {@code window}. It reads a run of digit groups greedily and gives
   * up when the run is longer than any number ("+44 20 7946 0958 4539 1488 0343 6467"), so for the groups
   * the whole window leaves uncovered, runs of up to five groups are tried from each group on, longest
   * first.
   */
  private static List<Candidate> matches(String window, String region, Leniency leniency) {
    List<Candidate> list = new java.util.ArrayList<>(2);
    find(window, 0, window.length(), region, leniency, list);
    if (list.size() == 1 && list.get(0).start() <= 1 && list.get(0).end() == window.length()) {
      return list; // the whole window is one number
    }
    List<int[]> groups = DigitClusters.groups(window, 0, window.length(), " ");
    if (groups.size() < 2 || groups.size() > 12) {
      return list; // one group, or a table of numbers: no phone hides in it unread
    }
    List<Candidate> whole = List.copyOf(list);
    int[] digitsBefore = new int[groups.size() + 1];
    for (int g = 0; g < groups.size(); g++) {
      digitsBefore[g + 1] = digitsBefore[g] + Context.digitsOf(window, groups.get(g)[0], groups.get(g)[1]).length();
    }
    for (int i = 0; i < groups.size(); i++) {
      int from = groups.get(i)[0];
      if (overlapsAny(whole, from, groups.get(i)[1])) {
        continue;
      }
      for (int j = Math.min(groups.size() - 1, i + 4); j >= i; j--) {
        int digits = digitsBefore[j + 1] - digitsBefore[i];
        if (digits < 7 || digits > 15 || overlapsAny(whole, from, groups.get(j)[1])) {
          continue; // too short or too long for a phone number, or overlapping a number already read
        }
        int before = list.size();
        find(window, groups.get(i)[0], groups.get(j)[1], region, leniency, list);
        if (list.size() > before) {
          i = j;
          break;
        }
      }
    }
    return list;
  }

  /** The numbers libphonenumber finds in the whole window only: how other regions' plans are tried. */
  private static List<Candidate> wholeMatches(String window, String region) {
    List<Candidate> list = new java.util.ArrayList<>(1);
    find(window, 0, window.length(), region, Leniency.VALID, list);
    return list;
  }

  private static boolean overlapsAny(List<Candidate> list, int from, int to) {
    for (Candidate c : list) {
      if (c.start() < to && from < c.end()) {
        return true;
      }
    }
    return false;
  }

  private static void find(String window, int from, int to, String region, Leniency leniency, List<Candidate> out) {
    for (PhoneNumberMatch m : UTIL.findNumbers(window.substring(from, to), region, leniency, 20)) {
      out.add(new Candidate(from + m.start(), from + m.end(), m.rawString(), m.number()));
    }
  }

  /** Whether the number is written exactly as its country formats it nationally ("07700 900412"). */
  private static boolean writtenAsNational(Candidate c) {
    return UTIL.format(c.number(), PhoneNumberFormat.NATIONAL).equals(c.raw());
  }

  /** Adds the span of {@code c} unless it is part of a longer token; returns how many were added. */
  private static int emit(Candidate c, int offset, String text, double score, List<Span> out) {
    int s = offset + c.start();
    int e = trimParens(text, s, offset + c.end());
    if (text.charAt(s) == '(' && text.indexOf(')', s) >= e) {
      s++; // "(604 555 0117)": the parentheses wrap the number, they are not its area-code brackets
    }
    boolean glued = s > 0 && (Context.isWordChar(text.charAt(s - 1)) || text.charAt(s - 1) == '.'
        || text.charAt(s - 1) == '-' || text.charAt(s - 1) == ':' || text.charAt(s - 1) == '/');
    boolean clockAfter = e + 1 < text.length() && text.charAt(e) == ':' && Context.isAsciiDigit(text.charAt(e + 1));
    if (!Context.boundaryAfter(text, e) || glued || clockAfter) {
      return 0; // part of a longer token: a version, an id, a longer digit run, a clock time
    }
    for (String group : c.raw().split(" ")) {
      if (DATE_SHAPED.matcher(group).matches()) {
        return 0; // "0343 6467 14.08.1949": a date is never part of a phone number
      }
    }
    PhoneNumberType type = UTIL.getNumberType(c.number());
    if (type == PhoneNumberType.TOLL_FREE || type == PhoneNumberType.PREMIUM_RATE
        || type == PhoneNumberType.SHARED_COST || type == PhoneNumberType.UAN) {
      score = Math.min(score, 0.3); // a company's public line, not a person's
    }
    out.add(new Span(Label.PRIVATE_PHONE, null, s, e, score, NAME));
    return 1;
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
