package dev.lethe.filter.detect;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Dates written the ways people write them, in English, German, French, Spanish, Italian, Portuguese and
 * Dutch: numeric ({@code 2024-03-05}, {@code 05/03/1990}, {@code 14.08.1949}), with month names ({@code
 * March 3}, {@code 3rd of March 2024}, {@code 31 de mayo de 2024}, {@code Donnerstag, 19. September}),
 * month and year ({@code April 2023}), a weekday with an ordinal ({@code Thursday the 18th}), airline
 * style ({@code 14MAR24}), and day ranges within one month ({@code Sept 18–20}).
 *
 * <p>A date is personal when it is tied to a person. In messages people write about their own lives most
 * dates are, so a plain date scores 0.55; a cue such as "born", "DOB", "appointment", "moved in" raises it
 * to 0.9; a release, a holiday, a historical year, a log timestamp or a URL parameter lowers it below the
 * balanced threshold. The learned tagger refines this judgement from context.
 */
public final class DateDetector implements Detector {
  static final String NAME = "date";

  /** Full month names; listed before abbreviations so "March" is not read as "Mar". */
  private static final String MONTH_FULL = "january|february|march|april|may|june|july|august|september|october"
      + "|november|december|janvier|février|fevrier|mars|avril|mai|juin|juillet|août|aout|septembre|octobre"
      + "|novembre|décembre|decembre|januar|jänner|februar|märz|maerz|juni|juli|oktober|dezember"
      + "|enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre"
      + "|gennaio|febbraio|aprile|maggio|giugno|luglio|settembre|ottobre|dicembre"
      + "|janeiro|fevereiro|março|maio|junho|julho|setembro|outubro|novembro|dezembro"
      + "|januari|februari|maart|mei|augustus";
  /** Abbreviations; their dot belongs to the date only inside it ("Oct. 3"), not at a sentence end. */
  private static final String MONTH = "(?:(?:" + MONTH_FULL + ")|(?:jan|feb|mar|apr|jun|jul|aug|sept|sep|oct"
      + "|nov|dec|févr|avr|juil|déc|okt|dez|ene|abr|dic|giu|lug|ott)(?:\\.(?=\\s*\\d))?)";
  private static final String WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
      + "|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun"
      + "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
      + "|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
      + "|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
      + "|lunedì|martedì|mercoledì|giovedì|venerdì|sabato|domenica"
      + "|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira)\\.?";
  /** A day before its month may carry a German/Nordic dot ("19. September"); after the month it may not. */
  private static final String DAY = "(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th|er|º|°|\\.)?";
  private static final String DAY_AFTER_MONTH = "(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?";
  private static final String YEAR = "(?:1[89]\\d\\d|20\\d\\d)";
  private static final String DASH = "\\s*[–—-]\\s*";

  private static final String BEFORE = "(?<![\\p{L}\\p{N}.:/])";
  private static final String AFTER = "(?![\\p{L}\\p{N}]|\\.\\d|/\\d|-\\d)";
  /** Dates written with a month or weekday name. */
  private static final Pattern WORD_DATE = Pattern.compile(BEFORE + "(?:"
      // weekday? day (of|de)? month (de)? year?       3 March 2024 | sábado 22 de marzo
      + "(?:" + WEEKDAY + ",?\\s+)?(?:the\\s+)?" + DAY + "(?:" + DASH + DAY + ")?\\s+(?:of\\s+|de\\s+)?" + MONTH
      + "(?:,?\\s+(?:de\\s+)?" + YEAR + ")?"
      // weekday? month day (- day)? (, year)?        March 3 | Tuesday, May 7 | Sept 18–20 | Aug 3, 1978
      + "|(?:" + WEEKDAY + ",?\\s+)?" + MONTH + "\\s+(?:the\\s+)?" + DAY_AFTER_MONTH + "(?:" + DASH
      + DAY_AFTER_MONTH + ")?(?:,?\\s+" + YEAR + ")?"
      // month year                                     April 2023 | gennaio 2020
      + "|" + MONTH + ",?\\s+" + YEAR
      // weekday the ordinal                            Thursday the 18th
      + "|" + WEEKDAY + ",?\\s+(?:the\\s+)?(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)"
      + ")" + AFTER, Pattern.CASE_INSENSITIVE);
  /** Numeric dates and the airline style, which need no case folding. */
  private static final Pattern NUMERIC_DATE = Pattern.compile(BEFORE + "(?:"
      // ISO and numeric                                2024-03-05 | 05/03/1990 | 14.08.1949 | 5/3/90
      + YEAR + "-(?:0?[1-9]|1[0-2])-(?:3[01]|[12]\\d|0?[1-9])"
      + "|(?:3[01]|[12]\\d|0?[1-9])([/.-])(?:3[01]|[12]\\d|0?[1-9])\\1" + YEAR
      + "|(?:3[01]|[12]\\d|0?[1-9])/(?:3[01]|[12]\\d|0?[1-9])/\\d\\d"
      + "|" + YEAR + "/(?:0?[1-9]|1[0-2])/(?:3[01]|[12]\\d|0?[1-9])"
      // airline                                        14MAR24
      + "|(?:3[01]|[12]\\d|0[1-9])(?:JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)\\d\\d"
      + ")" + AFTER);
  private static final Pattern ORDINAL = Pattern.compile(
      "(?:3[01]|[12]\\d|[1-9])(?:st|nd|rd|th)\\b(?!\\s+(?:century|centuries|anniversary|place|floor|time|edition|birthday|amendment|grade|percentile))",
      Pattern.CASE_INSENSITIVE);
  private static final Pattern TIMESTAMP_AFTER = Pattern.compile("^(?:[T ]\\d{1,2}:\\d{2}:\\d{2}|T\\d{2}:\\d{2})");
  private static final Pattern NUMERIC_DAY_MONTH = Pattern.compile("(?<![\\p{L}\\p{N}./:-])(3[01]|[12]\\d|0?[1-9])/(0?[1-9]|1[0-2])(?![\\p{L}\\p{N}/.-])");

  private static final String[] PERSONAL = {"born", "birth", "birthday", "bday", "dob", "d.o.b", "geb", "geboren",
      "né", "née", "nato", "nata", "nacido", "nacida", "naissance", "nascimento", "appointment", "appt",
      "termin", "cita", "rendez-vous", "rdv", "wedding", "married", "anniversary", "surgery", "operation",
      "admitted", "discharged", "moved", "move-in", "lease", "tenancy", "start date", "joining", "joined",
      "hired", "started", "leave", "due", "visit", "flight", "check-in", "checkout", "stay", "arrival",
      "arrive", "departure", "booked", "booking", "reservation", "paid", "charged", "since", "until",
      "deadline", "date of", "graduated", "interview", "hearing", "court", "exam", "funeral", "party",
      "died", "passed away", "diagnosed", "vaccinated", "collected", "incident", "loss", "accident",
      "turning", "meeting", "delivery", "delivered", "ordered", "cancelled", "canceled", "signed",
      "absent", "sick", "vacation", "trip", "vertragsbeginn", "kündigung", "admission", "dose", "my", "our",
      "we", "i", "me", "his", "her", "their"};
  private static final String[] STRONG = {"born", "birth", "birthday", "dob", "d.o.b", "geb", "geboren",
      "naissance", "nascimento", "nato", "nata", "nacido", "nacida", "appointment", "appt", "termin", "cita"};
  private static final String[] PUBLIC = {"released", "release", "launched", "launch", "founded",
      "published", "copyright", "©", "christmas", "thanksgiving", "easter", "halloween", "new year",
      "independence day", "holiday", "holidays", "eid", "diwali", "hanukkah", "ramadan", "war", "battle",
      "century", "election", "elections", "treaty", "assassinated", "signed the", "version", "changelog",
      "deprecated", "patch", "build", "manufactured", "season", "match", "game", "tournament", "final",
      "premiere", "aired", "opened", "closed", "office closed", "expires", "expiry", "valid until", "dst",
      "daylight", "clocks", "eclipse", "olympics", "world cup", "since version", "circa", "c.", "ca."};

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void detect(String text, List<Span> out) {
    int n = text.length();
    int covered = 0;
    for (int i = 0; i < n; i++) {
      if (i < covered || !Context.isAsciiDigit(text.charAt(i))) {
        continue;
      }
      int runEnd = i;
      while (runEnd < n && Context.isAsciiDigit(text.charAt(runEnd))) {
        runEnd++;
      }
      int kind = plausible(text, i, runEnd);
      if (kind == NONE) {
        i = runEnd;
        continue;
      }
      Matcher m = (kind == NUMERIC ? NUMERIC_DATE : WORD_DATE).matcher(text)
          .useTransparentBounds(true).useAnchoringBounds(false);
      m.region(Math.max(covered, i - 40), Math.min(n, i + 48));
      boolean found = false;
      while (m.find()) {
        if (m.start() <= i && i < m.end()) {
          out.add(new Span(Label.PRIVATE_DATE, null, m.start(), m.end(), score(text, m.start(), m.end()), NAME));
          covered = m.end();
          found = true;
          break;
        }
        if (m.start() > i) {
          break;
        }
      }
      if (!found) {
        i = runEnd;
      }
    }
    weakForms(text, out);
  }

  private static final int NONE = 0;
  private static final int NUMERIC = 1;
  private static final int WORDS = 2;

  /**
   * What kind of date can contain the digit run {@code [start, end)}: a numeric date shape around it or
   * an airline date ({@link #NUMERIC}), a month or weekday word within a few words ({@link #WORDS}), or
   * none. Checked by hand before any regex runs, so text full of numbers that are not dates costs little.
   */
  private static int plausible(String text, int start, int end) {
    int n = text.length();
    int len = end - start;
    if (len > 4) {
      return NONE;
    }
    if (end + 1 < n && "/.-".indexOf(text.charAt(end)) >= 0 && Context.isAsciiDigit(text.charAt(end + 1))
        || start >= 2 && "/.-".indexOf(text.charAt(start - 1)) >= 0 && Context.isAsciiDigit(text.charAt(start - 2))) {
      return NUMERIC;
    }
    if (len == 2 && end + 5 <= n && Character.isUpperCase(text.charAt(end)) && monthOrWeekday(text, end)) {
      return NUMERIC; // 14MAR24
    }
    return nearMonthOrWeekday(text, start, end) ? WORDS : NONE;
  }

  /** Whether one of the three words on either side begins like a month or weekday name. */
  private static boolean nearMonthOrWeekday(String text, int start, int end) {
    int words = 0;
    for (int i = start - 1; i >= Math.max(0, start - 30) && words < 3; ) {
      while (i >= 0 && !Character.isLetter(text.charAt(i)) && start - i < 30) {
        i--;
      }
      int wEnd = i + 1;
      while (i >= 0 && Character.isLetter(text.charAt(i))) {
        i--;
      }
      if (wEnd - (i + 1) >= 3 && monthOrWeekday(text, i + 1)) {
        return true;
      }
      words++;
    }
    words = 0;
    for (int i = end; i < Math.min(text.length(), end + 30) && words < 3; ) {
      while (i < text.length() && !Character.isLetter(text.charAt(i)) && i - end < 30) {
        i++;
      }
      int wStart = i;
      while (i < text.length() && Character.isLetter(text.charAt(i))) {
        i++;
      }
      if (i - wStart >= 3 && monthOrWeekday(text, wStart)) {
        return true;
      }
      words++;
    }
    return false;
  }

  private static boolean monthOrWeekday(String text, int at) {
    int key = prefixKey(text, at);
    return key != 0 && (java.util.Arrays.binarySearch(MONTH_KEYS, key) >= 0
        || java.util.Arrays.binarySearch(WEEKDAY_KEYS, key) >= 0);
  }

  /** The first three letters at {@code at}, lower-cased and packed into an int (0 when not three letters). */
  private static int prefixKey(CharSequence text, int at) {
    if (at + 3 > text.length()) {
      return 0;
    }
    int key = 0;
    for (int i = at; i < at + 3; i++) {
      char c = Character.toLowerCase(text.charAt(i));
      if (!Character.isLetter(c) || c > 0x3ff) {
        return 0;
      }
      key = key << 10 | c;
    }
    return key;
  }

  private static int[] keys(java.util.Set<String> prefixes) {
    return prefixes.stream().mapToInt(p -> prefixKey(p, 0)).sorted().toArray();
  }

  private static final java.util.Set<String> MONTH_PREFIXES = java.util.Set.of("jan", "feb", "fév", "fev",
      "mar", "mär", "mae", "apr", "avr", "abr", "may", "mai", "mei", "mag", "mao", "jun", "jui", "giu", "jul",
      "lug", "aug", "aoû", "aou", "ago", "sep", "set", "oct", "okt", "ott", "out", "nov", "dec", "déc", "dez",
      "dic", "ene", "gen", "maa", "maj", "lip", "sie", "paź", "lis", "gru", "sty", "lut", "kwi", "cze", "wrz");
  private static final java.util.Set<String> WEEKDAY_PREFIXES = java.util.Set.of("mon", "tue", "wed", "thu",
      "fri", "sat", "sun", "lun", "mer", "jeu", "ven", "sam", "dim", "die", "mit", "don", "fre", "son", "mié",
      "mie", "jue", "vie", "sáb", "sab", "dom", "gio", "seg", "ter", "qua", "qui", "sex");

  private static final int[] MONTH_KEYS = keys(MONTH_PREFIXES);
  private static final int[] WEEKDAY_KEYS = keys(WEEKDAY_PREFIXES);

  /** Ordinals alone ("on the 9th") and day/month pairs ("dia 15/07"): recall only unless a cue says more. */
  private static void weakForms(String text, List<Span> out) {
    for (int at = text.indexOf("the "); at >= 0; at = text.indexOf("the ", at + 4)) {
      Matcher o = ORDINAL.matcher(text).useTransparentBounds(true).region(at + 4, Math.min(text.length(), at + 64));
      if ((at == 0 || !Character.isLetter(text.charAt(at - 1))) && o.lookingAt()) {
        boolean cue = Context.hasWord(Context.before(text, o.start(), 30), PERSONAL);
        out.add(new Span(Label.PRIVATE_DATE, null, o.start(), o.end(), cue ? 0.55 : 0.35, NAME));
      }
    }
    for (int slash = text.indexOf('/'); slash >= 0; slash = text.indexOf('/', slash + 1)) {
      int s = slash;
      while (s > 0 && Context.isAsciiDigit(text.charAt(s - 1)) && slash - s < 2) {
        s--;
      }
      Matcher dm = NUMERIC_DAY_MONTH.matcher(text).useTransparentBounds(true)
          .region(s, Math.min(text.length(), slash + 3));
      if (s < slash && dm.lookingAt()) {
        boolean cue = Context.hasWord(Context.before(text, dm.start(), 20), "dia", "el", "le", "am", "on", "il",
            "by", "until", "till");
        if (cue) {
          out.add(new Span(Label.PRIVATE_DATE, null, dm.start(), dm.end(), 0.5, NAME));
        }
      }
    }
  }

  private static double score(String text, int start, int end) {
    if (TIMESTAMP_AFTER.matcher(text.substring(end, Math.min(text.length(), end + 9))).find()) {
      return 0.1; // log timestamps are not personal
    }
    if (start > 0 && (text.charAt(start - 1) == '=' || text.charAt(start - 1) == '/')) {
      return 0.2; // a URL or query parameter
    }
    String before = Context.before(text, start, 40);
    int personal = Context.lastWord(before, PERSONAL);
    int pub = Context.lastWord(before, PUBLIC);
    String after = Context.after(text, end, 24);
    if (Context.hasWord(after, "release", "released", "launch", "holiday", "version")) {
      pub = Integer.MAX_VALUE;
    }
    if (historicYear(text, start, end) || pub > personal) {
      return 0.3;
    }
    if (Context.hasWord(before, STRONG)) {
      return 0.9;
    }
    return personal >= 0 ? 0.7 : 0.55;
  }

  /** A year before 1900 in or right after the date ("July 4, 1776"): history, not a person's life. */
  private static boolean historicYear(String text, int start, int end) {
    return HISTORIC_YEAR.matcher(text).useTransparentBounds(true)
        .region(start, Math.min(text.length(), end + 8)).find();
  }

  private static final Pattern HISTORIC_YEAR = Pattern.compile("\\b1[0-8]\\d\\d\\b");
}
