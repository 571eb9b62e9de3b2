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
 * <p>A date is personal when it is tied to a person; {@link DateContext} judges that from the cue words of
 * its clause (a plain date 0.55, a life event or the first person more, a birth or appointment 0.9; a
 * release, a holiday, a historical year, a log timestamp or a URL parameter below the balanced threshold).
 * Date-shaped text that is no date at all (a card expiry "exp 09/27", a rating "rated 4/5", a quantity "3/4
 * cup") is no candidate. The learned tagger reads these candidates as features and refines the judgement.
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
      + "|nov|dec|janv|févr|fevr|avr|juil|déc|okt|dez|ene|abr|dic|giu|lug|ott|mrt)(?:\\.(?=\\s*\\d))?)";
  private static final String WEEKDAY = "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
      + "|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun"
      + "|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche"
      + "|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag"
      + "|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|sabado|domingo"
      + "|lunedì|martedì|mercoledì|giovedì|venerdì|lunedi|martedi|mercoledi|giovedi|venerdi|sabato|domenica"
      + "|(?:segunda|terça|terca|quarta|quinta|sexta)(?:-feira)?"
      + "|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\\.?";
  /** A day before its month may carry a German/Nordic dot ("19. September"); after the month it may not. */
  private static final String DAY = "(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th|er|º|°|\\.)?";
  private static final String DAY_AFTER_MONTH = "(?:3[01]|[12]\\d|0?[1-9])(?:st|nd|rd|th)?";
  private static final String YEAR = "(?:1[89]\\d\\d|20\\d\\d)";
  private static final String DASH = "\\s*[–—-]\\s*";

  private static final String BEFORE = "(?<![\\p{L}\\p{N}.:/])";
  private static final String AFTER = "(?![\\p{L}\\p{N}]|\\.\\d|/\\d|-\\d)";
  /** Dates written with a month or weekday name. */
  private static final Pattern WORD_DATE = Pattern.compile(BEFORE + "(?:"
      // weekday? day (of|de)? month (de)? year?       3 March 2024 | sábado 22 de marzo | 23rd of December
      // ("the" belongs to the date only after a weekday, as in "Sunday the 23rd"; "the 23rd of May" leaves it out)
      + "(?:" + WEEKDAY + ",?\\s+(?:the\\s+)?)?" + DAY + "(?:" + DASH + DAY + ")?\\s+(?:of\\s+|de\\s+)?" + MONTH
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
  private static final Pattern NUMERIC_DAY_MONTH = Pattern.compile("(?<![\\p{L}\\p{N}./:-])(3[01]|[12]\\d|0?[1-9])/(0?[1-9]|1[0-2])(?![\\p{L}\\p{N}/.-])");
  /**
   * German and Dutch day and month with their dots and no year: "am 14.03."; the closing dot stays outside the
   * span, as the tagger ends every span before a full stop that follows a number.
   */
  private static final Pattern DOTTED_DAY_MONTH = Pattern.compile("(?<![\\p{L}\\p{N}./:-])(3[01]|[12]\\d|0?[1-9])\\.(0?[1-9]|1[0-2])(?=\\.(?![\\p{L}\\p{N}/-]))");
  /** Words after which a date-shaped number is something else: a card expiry, a rating or a score. */
  private static final String[] NOT_DATE_KEYS = {"exp", "exp.", "expiry", "expires", "expiration", "expiration date",
      "valid thru", "valid through", "good thru", "good through", "mm/yy", "cvv", "gültig bis", "ablaufdatum",
      "date d'expiration", "vencimiento", "validade", "scadenza", "vervaldatum", "rated", "rating", "rate it",
      "score", "scored", "won", "lost", "beat"};
  /** A unit after a number makes it a quantity: "3/4 cup", "1/2 inch", "4/5 stars". */
  private static final Pattern UNIT_AFTER = Pattern.compile("^\\s?(?:cups?|tsp|tbsp|teaspoons?|tablespoons?|oz"
      + "|ounces?|lbs?|pounds?|inch|inches|in\\.|ft|feet|miles?|km|kg|g|ml|l|stars?|pts|points|of an?|of the)\\b",
      Pattern.CASE_INSENSITIVE);

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
          if (!notADate(text, m.start(), m.end())) {
            out.add(new Span(Label.PRIVATE_DATE, null, m.start(), m.end(),
                DateContext.of(text, m.start(), m.end()).score(), NAME));
          }
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
      "dic", "ene", "gen", "maa", "mrt", "maj", "lip", "sie", "paź", "lis", "gru", "sty", "lut", "kwi", "cze", "wrz");
  private static final java.util.Set<String> WEEKDAY_PREFIXES = java.util.Set.of("mon", "tue", "wed", "thu",
      "fri", "sat", "sun", "lun", "mer", "jeu", "ven", "sam", "dim", "die", "mit", "don", "fre", "son", "mié",
      "mie", "jue", "vie", "sáb", "sab", "dom", "gio", "seg", "ter", "qua", "qui", "sex", "maa", "din", "woe",
      "vri", "zat", "zon");

  private static final int[] MONTH_KEYS = keys(MONTH_PREFIXES);
  private static final int[] WEEKDAY_KEYS = keys(WEEKDAY_PREFIXES);

  /**
   * Whether the date-shaped text {@code [start, end)} is something else: a card expiry ("exp 09/27"), a rating
   * or a score ("rated 4/5"), or a quantity ("3/4 cup"). Such text is no date at all, so it is no candidate.
   */
  private static boolean notADate(String text, int start, int end) {
    String before = Context.before(text, start, 24);
    int trimmed = before.length();
    while (trimmed > 0 && " :-=".indexOf(before.charAt(trimmed - 1)) >= 0) {
      trimmed--;
    }
    return Context.endsWithKey(before.substring(0, trimmed), NOT_DATE_KEYS)
        || UNIT_AFTER.matcher(text).region(end, Math.min(text.length(), end + 12)).lookingAt();
  }

  /**
   * Ordinals alone ("on the 9th"), day/month pairs ("dia 15/07", "am 14.03."): recall only unless a cue
   * says more; "the" stays outside the span.
   */
  private static void weakForms(String text, List<Span> out) {
    for (int at = text.indexOf("the "); at >= 0; at = text.indexOf("the ", at + 4)) {
      Matcher o = ORDINAL.matcher(text).useTransparentBounds(true).region(at + 4, Math.min(text.length(), at + 64));
      if ((at == 0 || !Character.isLetter(text.charAt(at - 1))) && o.lookingAt()) {
        boolean cue = DateContext.of(text, o.start(), o.end()).personal();
        out.add(new Span(Label.PRIVATE_DATE, null, o.start(), o.end(), cue ? 0.55 : 0.35, NAME));
      }
    }
    dayMonth(text, '/', NUMERIC_DAY_MONTH, out, "dia", "el", "le", "am", "on", "il", "by", "until", "till");
    dayMonth(text, '.', DOTTED_DAY_MONTH, out, "am", "vom", "bis", "zum", "ab", "seit", "op", "tot");
  }

  /** Day and month joined by {@code sep}, reported only after one of the short {@code cues} ("on 3/4"). */
  private static void dayMonth(String text, char sep, Pattern shape, List<Span> out, String... cues) {
    for (int at = text.indexOf(sep); at >= 0; at = text.indexOf(sep, at + 1)) {
      int s = at;
      while (s > 0 && Context.isAsciiDigit(text.charAt(s - 1)) && at - s < 2) {
        s--;
      }
      if (s == at) {
        continue;
      }
      Matcher dm = shape.matcher(text).useTransparentBounds(true).region(s, Math.min(text.length(), at + 4));
      if (dm.lookingAt() && Context.hasWord(Context.before(text, dm.start(), 20), cues)
          && !notADate(text, dm.start(), dm.end())) {
        out.add(new Span(Label.PRIVATE_DATE, null, dm.start(), dm.end(), 0.5, NAME));
      }
    }
  }

}
