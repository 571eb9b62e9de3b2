package dev.lethe.filter.mask;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.Month;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.ResolverStyle;
import java.time.format.TextStyle;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;
import java.time.temporal.TemporalQueries;
import java.text.ParsePosition;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A date as written in a text, in one of the common numeric or textual formats, that can be moved and written
 * back in exactly the same format: {@code 03/14/1990}, {@code 14.3.90}, {@code 1990-03-14}, {@code March
 * 14th, 1990}, {@code Tuesday, 3 April 2001}, {@code 14. März 1990}, {@code 14 de marzo de 1990}, {@code
 * March 1990}, {@code 14 Mar}, {@code Tuesday}.
 *
 * <p>java.time parses and writes the textual formats; a format is accepted only when writing the parsed date
 * gives back the original text (ignoring case), so padding, abbreviations and punctuation are kept.
 */
final class DateText {
  /** What the text says: a whole date, or only some of its fields. */
  enum Kind { DATE, MONTH_DAY, YEAR_MONTH, MONTH, WEEKDAY }

  /** Two-digit years below this are 20xx, the others 19xx; fixed so that outputs never depend on today. */
  private static final int CENTURY_PIVOT = 50;
  /** Year of the date that stands for year-less texts: a leap year, so that 29 February exists. */
  private static final int NO_YEAR = 2000;

  private static final Pattern NUMERIC = Pattern.compile("(\\d{1,4})([./-])(\\d{1,2})\\2(\\d{1,4})");
  private static final Pattern NUMERIC_MONTH_YEAR = Pattern.compile("(\\d{1,2})([./-])(\\d{4})|(\\d{4})(-)(\\d{2})");
  private static final Pattern ORDINAL = Pattern.compile("(?i)\\b(\\d{1,2})(st|nd|rd|th)\\b");
  private static final Pattern WORD = Pattern.compile("\\p{L}+");

  private static final List<Locale> LOCALES = List.of(Locale.ENGLISH, Locale.GERMAN, Locale.FRENCH,
      Locale.forLanguageTag("es"), Locale.ITALIAN, Locale.forLanguageTag("pt"), Locale.forLanguageTag("nl"));
  private static final String[] TEXT_PATTERNS = {
      "MMMM d, uuuu", "MMMM d uuuu", "MMM d, uuuu", "MMM d uuuu", "MMM. d, uuuu", "d MMMM uuuu", "d MMM uuuu",
      "d MMM. uuuu", "d MMMM, uuuu", "d-MMM-uuuu", "d-MMM-uu", "d. MMMM uuuu", "d. MMM uuuu", "d 'de' MMMM 'de' uuuu",
      "d 'of' MMMM uuuu", "d 'of' MMMM, uuuu", "EEEE, MMMM d, uuuu", "EEEE MMMM d, uuuu", "EEE, MMM d, uuuu",
      "EEEE, d MMMM uuuu", "EEEE d MMMM uuuu", "EEE, d MMM uuuu", "EEE d MMM uuuu", "EEEE, d. MMMM uuuu",
      "EEEE, d 'de' MMMM 'de' uuuu", "MMMM uuuu", "MMM uuuu", "MMMM, uuuu", "MMMM 'de' uuuu", "MMMM d", "MMM d",
      "MMM. d", "d MMMM", "d MMM", "d. MMMM", "d 'de' MMMM", "d 'of' MMMM", "MMMM", "EEEE"};
  /** Per locale, the formatters of {@link #TEXT_PATTERNS} and their zero-padded ({@code dd}) variants. */
  private static final List<List<DateTimeFormatter>> FORMATTERS = new ArrayList<>();
  /** Per locale, its month and weekday names, full and short, lower case: which locales a text can be in. */
  private static final List<Set<String>> NAMES = new ArrayList<>();

  static {
    for (Locale locale : LOCALES) {
      List<DateTimeFormatter> formatters = new ArrayList<>();
      for (String p : TEXT_PATTERNS) {
        // A two-digit day fits both d and dd; 14-Mar-1990 is usually padded, March 14, 1990 not.
        String padded = p.replaceFirst("(?<![a-z'])d(?![a-z'])", "dd");
        if (!padded.equals(p) && p.contains("-")) {
          formatters.add(formatter(padded, locale));
        }
        formatters.add(formatter(p, locale));
        if (!padded.equals(p) && !p.contains("-")) {
          formatters.add(formatter(padded, locale));
        }
      }
      FORMATTERS.add(formatters);
      Set<String> names = new HashSet<>();
      for (TextStyle style : new TextStyle[] {TextStyle.FULL, TextStyle.SHORT}) {
        for (Month m : Month.values()) {
          addWords(names, m.getDisplayName(style, locale), locale);
        }
        for (DayOfWeek d : DayOfWeek.values()) {
          addWords(names, d.getDisplayName(style, locale), locale);
        }
      }
      NAMES.add(names);
    }
  }

  private final Kind kind;
  private final LocalDate date;
  private final Function<LocalDate, String> writer;

  private DateText(Kind kind, LocalDate date, Function<LocalDate, String> writer) {
    this.kind = kind;
    this.date = date;
    this.writer = writer;
  }

  /**
   * Recognises {@code text} as a date, or returns {@code null}.
   *
   * @param monthFirst whether an ambiguous numeric date such as {@code 03/04/1990} is month first (US) or day
   *     first (most other regions); unambiguous ones such as {@code 25/12/1990} are read either way
   */
  static DateText parse(String text, boolean monthFirst) {
    String s = text.strip();
    if (s.length() != text.length() || s.isEmpty() || s.length() > 40) {
      return null;
    }
    DateText numeric = parseNumeric(s, monthFirst);
    return numeric != null ? numeric : parseTextual(s);
  }

  Kind kind() {
    return kind;
  }

  /** The date in ISO form as far as the text says it ({@code 1990-03-14}, {@code --03-14}, {@code 1990-03}, ...). */
  String iso() {
    return switch (kind) {
      case DATE -> date.toString();
      case MONTH_DAY -> String.format(Locale.ROOT, "--%02d-%02d", date.getMonthValue(), date.getDayOfMonth());
      case YEAR_MONTH -> String.format(Locale.ROOT, "%04d-%02d", date.getYear(), date.getMonthValue());
      case MONTH -> date.getMonth().name();
      case WEEKDAY -> date.getDayOfWeek().name();
    };
  }

  /**
   * Another date, written in the same format: a whole date or a day of the year moves by 1 to 183 days, a
   * month of a year by 1 to 6 months, a month by 1 to 11 months, a weekday by 1 to 6 days, forward or back.
   * Never the same date.
   */
  String shift(Random random) {
    int sign = random.nextBoolean() ? 1 : -1;
    LocalDate moved = switch (kind) {
      case DATE, MONTH_DAY -> date.plusDays(sign * (1 + random.nextInt(183)));
      case YEAR_MONTH -> date.plusMonths(sign * (1 + random.nextInt(6)));
      case MONTH -> date.plusMonths(1 + random.nextInt(11));
      case WEEKDAY -> date.plusDays(1 + random.nextInt(6));
    };
    return writer.apply(moved);
  }

  private static DateText parseNumeric(String s, boolean monthFirst) {
    Matcher m = NUMERIC.matcher(s);
    if (m.matches()) {
      String a = m.group(1);
      String sep = m.group(2);
      String b = m.group(3);
      String c = m.group(4);
      if (a.length() == 4) {
        return numericDate(year(a), b, c, (y, mm, dd) -> y + sep + mm + sep + dd, a.length());
      }
      if (a.length() > 2 || (c.length() != 2 && c.length() != 4)) {
        return null;
      }
      DateText first = monthFirst
          ? numericDate(year(c), a, b, (y, mm, dd) -> mm + sep + dd + sep + y, c.length())
          : numericDate(year(c), b, a, (y, mm, dd) -> dd + sep + mm + sep + y, c.length());
      if (first != null) {
        return first;
      }
      return monthFirst
          ? numericDate(year(c), b, a, (y, mm, dd) -> dd + sep + mm + sep + y, c.length())
          : numericDate(year(c), a, b, (y, mm, dd) -> mm + sep + dd + sep + y, c.length());
    }
    m = NUMERIC_MONTH_YEAR.matcher(s);
    if (m.matches()) {
      boolean yearFirst = m.group(4) != null;
      String month = yearFirst ? m.group(6) : m.group(1);
      int year = Integer.parseInt(yearFirst ? m.group(4) : m.group(3));
      String sep = yearFirst ? m.group(5) : m.group(2);
      int mo = Integer.parseInt(month);
      if (mo < 1 || mo > 12) {
        return null;
      }
      boolean pad = month.length() == 2;
      return new DateText(Kind.YEAR_MONTH, LocalDate.of(year, mo, 1), d -> {
        String mm = pad ? two(d.getMonthValue()) : Integer.toString(d.getMonthValue());
        String yyyy = String.format(Locale.ROOT, "%04d", d.getYear());
        return yearFirst ? yyyy + sep + mm : mm + sep + yyyy;
      });
    }
    return null;
  }

  /** Writes year, month and day, already formatted, in the order and with the separators of a format. */
  private interface Layout {
    String write(String year, String month, String day);
  }

  private static DateText numericDate(int year, String month, String day, Layout layout, int yearWidth) {
    int mo = Integer.parseInt(month);
    int d = Integer.parseInt(day);
    if (mo < 1 || mo > 12 || d < 1 || d > Month.of(mo).length(java.time.Year.isLeap(year))) {
      return null;
    }
    // 3/4/1990 is written unpadded, 03/04/1990 and 12/25/1990 padded.
    boolean pad = month.length() == 2 && day.length() == 2;
    return new DateText(Kind.DATE, LocalDate.of(year, mo, d), x -> layout.write(
        yearWidth == 2 ? two(x.getYear() % 100) : String.format(Locale.ROOT, "%04d", x.getYear()),
        pad ? two(x.getMonthValue()) : Integer.toString(x.getMonthValue()),
        pad ? two(x.getDayOfMonth()) : Integer.toString(x.getDayOfMonth())));
  }

  private static int year(String digits) {
    int y = Integer.parseInt(digits);
    if (digits.length() == 2) {
      return y < CENTURY_PIVOT ? 2000 + y : 1900 + y;
    }
    return y;
  }

  private static String two(int n) {
    return n < 10 ? "0" + n : Integer.toString(n);
  }

  private static DateText parseTextual(String s) {
    Matcher ordinal = ORDINAL.matcher(s);
    boolean hasOrdinal = ordinal.find();
    String plain = hasOrdinal ? ordinal.replaceFirst("$1") : s;
    for (int i = 0; i < LOCALES.size(); i++) {
      if (!mentionsNameOf(plain, i)) {
        continue;
      }
      for (DateTimeFormatter f : FORMATTERS.get(i)) {
        DateText parsed = tryFormat(f, s, plain, hasOrdinal);
        if (parsed != null) {
          return parsed;
        }
      }
    }
    return null;
  }

  private static boolean mentionsNameOf(String text, int locale) {
    Matcher w = WORD.matcher(text);
    Locale l = LOCALES.get(locale);
    while (w.find()) {
      if (NAMES.get(locale).contains(w.group().toLowerCase(l))) {
        return true;
      }
    }
    return false;
  }

  private static DateText tryFormat(DateTimeFormatter f, String original, String plain, boolean hasOrdinal) {
    ParsePosition pos = new ParsePosition(0);
    if (f.parseUnresolved(plain, pos) == null || pos.getIndex() != plain.length()) {
      return null;
    }
    TemporalAccessor t;
    try {
      t = f.parse(plain);
    } catch (DateTimeException e) {
      return null; // fields that contradict each other, such as 30 February or the wrong weekday
    }
    Kind kind;
    LocalDate date = t.query(TemporalQueries.localDate());
    if (date != null) {
      kind = Kind.DATE;
    } else {
      // Without a year java.time leaves the fields unchecked (March 32): build the date, or give up.
      try {
        if (t.isSupported(ChronoField.MONTH_OF_YEAR) && t.isSupported(ChronoField.DAY_OF_MONTH)) {
          kind = Kind.MONTH_DAY;
          date = LocalDate.of(NO_YEAR, (int) t.getLong(ChronoField.MONTH_OF_YEAR),
              (int) t.getLong(ChronoField.DAY_OF_MONTH));
        } else if (t.isSupported(ChronoField.YEAR) && t.isSupported(ChronoField.MONTH_OF_YEAR)) {
          kind = Kind.YEAR_MONTH;
          date = LocalDate.of((int) t.getLong(ChronoField.YEAR), (int) t.getLong(ChronoField.MONTH_OF_YEAR), 1);
        } else if (t.isSupported(ChronoField.MONTH_OF_YEAR) && !t.isSupported(ChronoField.DAY_OF_WEEK)) {
          kind = Kind.MONTH;
          date = LocalDate.of(NO_YEAR, (int) t.getLong(ChronoField.MONTH_OF_YEAR), 1);
        } else if (t.isSupported(ChronoField.DAY_OF_WEEK) && !t.isSupported(ChronoField.MONTH_OF_YEAR)) {
          kind = Kind.WEEKDAY;
          // 3 January 2000 was a Monday.
          date = LocalDate.of(NO_YEAR, 1, 3).plusDays(t.getLong(ChronoField.DAY_OF_WEEK) - 1);
        } else {
          return null;
        }
      } catch (DateTimeException e) {
        return null;
      }
    }
    Function<LocalDate, String> writer = d -> withOrdinal(f.format(d), d.getDayOfMonth(), hasOrdinal);
    if (!writer.apply(date).equalsIgnoreCase(original)) {
      return null;
    }
    Casing casing = Casing.of(original);
    return new DateText(kind, date, writer.andThen(casing::apply));
  }

  /** Adds the English ordinal suffix to the day number, as in {@code March 3rd}. */
  private static String withOrdinal(String written, int day, boolean hasOrdinal) {
    if (!hasOrdinal) {
      return written;
    }
    String suffix = day % 10 == 1 && day != 11 ? "st" : day % 10 == 2 && day != 12 ? "nd"
        : day % 10 == 3 && day != 13 ? "rd" : "th";
    return written.replaceFirst("\\b" + day + "\\b", day + suffix);
  }

  private static DateTimeFormatter formatter(String pattern, Locale locale) {
    return new DateTimeFormatterBuilder().parseCaseInsensitive().appendPattern(pattern).toFormatter(locale)
        .withResolverStyle(ResolverStyle.STRICT);
  }

  private static void addWords(Set<String> into, String name, Locale locale) {
    Matcher w = WORD.matcher(name);
    while (w.find()) {
      into.add(w.group().toLowerCase(locale));
    }
  }
}
