package dev.lethe.train.synth;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * Dates written the way people of each language and country write them: numeric with the local field order
 * and separator, month names (JDK CLDR data), English and French ordinals, weekdays, day-only ("the 19th"),
 * month and year ("Sep 2021"). Only the writing of a date lives here; whether it is personal is the
 * template's business.
 */
final class Dates {
  private final Rng rng;

  Dates(Rng rng) {
    this.rng = rng;
  }

  enum Kind {
    /** A birth date: always with the year. */
    BIRTH,
    /** An appointment, move-in, wedding, surgery: recent or coming, year often left out. */
    EVENT,
    /** Month and year only, as in a CV or rental history. */
    MONTH_YEAR,
    /** The day of the month alone, with its ordinal ("the 19th"): English only, others fall back to EVENT. */
    DAY,
    /**
     * With its weekday, as people write a coming day: "Monday Nov 4", "Saturday Sept 28", "Thu 18 July",
     * "Donnerstag, 19. September", "sexta-feira, 15 de março", "dinsdag 12 maart".
     */
    WEEKDAY,
    /** A day as an ordinal with its month: "23rd of December", "December 23rd", "1er mai"; else EVENT. */
    ORDINAL
  }

  LocalDate birthDate() {
    return LocalDate.ofEpochDay(rng.between((int) LocalDate.of(1935, 1, 1).toEpochDay(),
        (int) LocalDate.of(2012, 12, 31).toEpochDay()));
  }

  LocalDate eventDate() {
    return LocalDate.ofEpochDay(rng.between((int) LocalDate.of(2017, 1, 1).toEpochDay(),
        (int) LocalDate.of(2026, 12, 31).toEpochDay()));
  }

  String write(Kind kind, String lang, String country) {
    LocalDate d = kind == Kind.BIRTH ? birthDate() : eventDate();
    return write(kind, d, lang, country);
  }

  String write(Kind kind, LocalDate d, String lang, String country) {
    Locale loc = locale(lang, country);
    return switch (kind) {
      case BIRTH -> pick(withYear(lang, country), d, loc);
      case EVENT -> rng.chance(0.5) ? pick(withYear(lang, country), d, loc) : pick(withoutYear(lang, country), d, loc);
      case MONTH_YEAR -> pick(monthYear(lang), d, loc);
      case DAY -> lang.equals("en") ? ordinal(d.getDayOfMonth()) : pick(withoutYear(lang, country), d, loc);
      case WEEKDAY -> pick(withWeekday(lang, country), d, loc);
      case ORDINAL -> lang.equals("en") || lang.equals("fr") ? pick(ordinals(lang), d, loc)
          : pick(withoutYear(lang, country), d, loc);
    };
  }

  /** Two dates of a range written in the same format; {@code weekdays} writes both with their weekday. */
  String[] writeBoth(LocalDate d1, LocalDate d2, String lang, String country, boolean weekdays) {
    Locale loc = locale(lang, country);
    List<Function<Ctx, String>> formats = weekdays ? withWeekday(lang, country)
        : rng.chance(0.5) ? withYear(lang, country) : withoutYear(lang, country);
    Function<Ctx, String> f = rng.pick(formats);
    return new String[] {f.apply(new Ctx(d1, loc)), f.apply(new Ctx(d2, loc))};
  }

  /** An English ordinal day of a month, written to follow "the": "23rd of December", "5th of May 2025". */
  String ordinalOf(LocalDate d) {
    String s = ordinal(d.getDayOfMonth()) + " of " + d.getMonth().getDisplayName(TextStyle.FULL, Locale.UK);
    return rng.chance(0.3) ? s + " " + d.getYear() : s;
  }

  /** English ordinal of a day: 1st, 2nd, 3rd, 4th, 11th, 22nd. */
  static String ordinal(int day) {
    String suffix = day % 100 >= 11 && day % 100 <= 13 ? "th"
        : switch (day % 10) {
          case 1 -> "st";
          case 2 -> "nd";
          case 3 -> "rd";
          default -> "th";
        };
    return day + suffix;
  }

  private String pick(List<Function<Ctx, String>> formats, LocalDate d, Locale loc) {
    return rng.pick(formats).apply(new Ctx(d, loc));
  }

  private static Locale locale(String lang, String country) {
    return switch (lang) {
      case "en" -> country.equals("US") || country.equals("CA") ? Locale.US : Locale.UK;
      case "pt" -> Locale.forLanguageTag("pt-BR");
      default -> Locale.forLanguageTag(lang);
    };
  }

  private record Ctx(LocalDate d, Locale loc) {
    String f(String pattern) {
      return DateTimeFormatter.ofPattern(pattern, loc).format(d);
    }

    String month(TextStyle style) {
      return d.getMonth().getDisplayName(style, loc);
    }

    String weekday(TextStyle style) {
      return d.getDayOfWeek().getDisplayName(style, loc);
    }

    /** "Sept" as well as CLDR's "Sep", and abbreviations written with a full stop. */
    String shortMonth(boolean dot) {
      String m = month(TextStyle.SHORT).replace(".", "");
      if (m.equals("Sep") && d.getDayOfMonth() % 2 == 0) {
        m = "Sept";
      }
      return dot && !m.equals(month(TextStyle.FULL)) ? m + "." : m;
    }
  }

  private static List<Function<Ctx, String>> withYear(String lang, String country) {
    return switch (lang) {
      case "en" -> country.equals("US")
          ? List.of(c -> c.f("MM/dd/yyyy"), c -> c.f("M/d/yyyy"), c -> c.f("MMMM d, yyyy"), c -> c.f("MMM d, yyyy"),
              c -> c.shortMonth(true) + " " + c.d().getDayOfMonth() + ", " + c.d().getYear(), c -> c.f("yyyy-MM-dd"),
              c -> c.f("MM-dd-yyyy"), c -> c.f("EEEE, MMMM d, yyyy"), c -> c.f("M/d/yy"),
              c -> c.month(TextStyle.FULL) + " " + ordinal(c.d().getDayOfMonth()) + ", " + c.d().getYear())
          : List.of(c -> c.f("dd/MM/yyyy"), c -> c.f("d/M/yyyy"), c -> c.f("d MMMM yyyy"), c -> c.f("d MMM yyyy"),
              c -> ordinal(c.d().getDayOfMonth()) + " " + c.month(TextStyle.FULL) + " " + c.d().getYear(),
              c -> c.f("yyyy-MM-dd"), c -> c.f("EEEE d MMMM yyyy"), c -> c.f("dd.MM.yyyy"),
              c -> c.f("ddMMMyy").toUpperCase(Locale.ROOT), c -> c.f("dd-MMM-yyyy"),
              c -> ordinal(c.d().getDayOfMonth()) + " of " + c.month(TextStyle.FULL) + " " + c.d().getYear());
      case "de" -> List.of(c -> c.f("dd.MM.yyyy"), c -> c.f("d.M.yyyy"), c -> c.f("d. MMMM yyyy"),
          c -> c.f("EEEE, d. MMMM yyyy"), c -> c.f("yyyy-MM-dd"), c -> c.f("dd.MM.yy"));
      case "fr" -> List.of(c -> c.f("dd/MM/yyyy"), c -> c.f("d MMMM yyyy"), c -> frDay(c) + " " + c.f("MMMM yyyy"),
          c -> c.f("EEEE d MMMM yyyy"), c -> c.f("dd.MM.yyyy"));
      case "es" -> List.of(c -> c.f("dd/MM/yyyy"), c -> c.f("d/M/yyyy"), c -> c.f("d 'de' MMMM 'de' yyyy"),
          c -> c.f("EEEE, d 'de' MMMM 'de' yyyy"), c -> c.f("dd-MM-yyyy"));
      case "it" -> List.of(c -> c.f("dd/MM/yyyy"), c -> c.f("d MMMM yyyy"), c -> c.f("d/M/yyyy"),
          c -> c.f("EEEE d MMMM yyyy"), c -> c.f("dd.MM.yyyy"));
      case "pt" -> List.of(c -> c.f("dd/MM/yyyy"), c -> c.f("d 'de' MMMM 'de' yyyy"), c -> c.f("dd/MM/yy"));
      case "nl" -> List.of(c -> c.f("dd-MM-yyyy"), c -> c.f("d-M-yyyy"), c -> c.f("d MMMM yyyy"),
          c -> c.f("EEEE d MMMM yyyy"));
      default -> List.of(c -> c.f("yyyy-MM-dd"));
    };
  }

  private static List<Function<Ctx, String>> withoutYear(String lang, String country) {
    return switch (lang) {
      case "en" -> country.equals("US")
          ? List.of(c -> c.f("MMMM d"), c -> c.f("MMM d"), c -> c.shortMonth(true) + " " + c.d().getDayOfMonth(),
              c -> c.shortMonth(false) + " " + ordinal(c.d().getDayOfMonth()), c -> c.f("EEEE, MMMM d"),
              c -> c.f("EEE, MMM d"), c -> c.weekday(TextStyle.FULL) + " the " + ordinal(c.d().getDayOfMonth()),
              c -> c.f("M/d"), c -> c.month(TextStyle.FULL) + " " + ordinal(c.d().getDayOfMonth()))
          : List.of(c -> c.f("d MMMM"), c -> c.f("d MMM"), c -> ordinal(c.d().getDayOfMonth()) + " " + c.f("MMMM"),
              c -> c.f("EEEE d MMMM"), c -> c.f("EEE d MMM"), c -> c.f("dd/MM"),
              c -> c.weekday(TextStyle.FULL) + " the " + ordinal(c.d().getDayOfMonth()),
              c -> ordinal(c.d().getDayOfMonth()) + " of " + c.month(TextStyle.FULL),
              c -> c.weekday(TextStyle.FULL) + " " + ordinal(c.d().getDayOfMonth()) + " "
                  + c.shortMonth(false).toLowerCase(Locale.ROOT));
      case "de" -> List.of(c -> c.f("d. MMMM"), c -> c.f("EEEE, d. MMMM"), c -> c.f("dd.MM."), c -> c.f("EEEE, dd.MM."),
          c -> c.f("EEE, d.M."));
      case "fr" -> List.of(c -> c.f("d MMMM"), c -> c.f("EEEE d MMMM"), c -> frDay(c) + " " + c.f("MMMM"),
          c -> c.f("dd/MM"));
      case "es" -> List.of(c -> c.f("d 'de' MMMM"), c -> c.f("EEEE d 'de' MMMM"), c -> c.f("dd/MM"));
      case "it" -> List.of(c -> c.f("d MMMM"), c -> c.f("EEEE d MMMM"), c -> c.f("dd/MM"));
      case "pt" -> List.of(c -> c.f("d 'de' MMMM"), c -> c.f("dd/MM"), c -> c.f("EEEE, d 'de' MMMM"));
      case "nl" -> List.of(c -> c.f("d MMMM"), c -> c.f("EEEE d MMMM"));
      default -> List.of(c -> c.f("MM-dd"));
    };
  }

  private static List<Function<Ctx, String>> withWeekday(String lang, String country) {
    return switch (lang) {
      case "en" -> country.equals("US") || country.equals("CA")
          ? List.of(c -> c.weekday(TextStyle.FULL) + " " + c.shortMonth(false) + " " + c.d().getDayOfMonth(),
              c -> c.weekday(TextStyle.FULL) + ", " + c.f("MMMM d"), c -> c.f("EEE, MMM d"),
              c -> c.weekday(TextStyle.SHORT) + " " + c.shortMonth(true) + " " + c.d().getDayOfMonth(),
              c -> c.weekday(TextStyle.FULL) + " " + c.f("MMMM") + " " + ordinal(c.d().getDayOfMonth()),
              c -> c.weekday(TextStyle.FULL) + " the " + ordinal(c.d().getDayOfMonth()),
              c -> c.f("EEEE, MMMM d, yyyy"), c -> c.f("EEEE M/d"))
          : List.of(c -> c.f("EEEE d MMMM"), c -> c.f("EEE d MMM"), c -> c.f("EEEE, d MMMM yyyy"),
              c -> c.weekday(TextStyle.FULL) + " " + ordinal(c.d().getDayOfMonth()) + " " + c.f("MMMM"),
              c -> c.weekday(TextStyle.FULL) + " the " + ordinal(c.d().getDayOfMonth()),
              c -> c.weekday(TextStyle.FULL) + " " + c.shortMonth(false) + " " + c.d().getDayOfMonth(),
              c -> c.f("EEEE dd/MM"));
      case "de" -> List.of(c -> c.f("EEEE, d. MMMM"), c -> c.f("EEEE, dd.MM."), c -> c.f("EEE, d.M."),
          c -> c.f("EEEE, d. MMMM yyyy"), c -> c.f("EEEE 'den' d. MMMM"));
      case "fr" -> List.of(c -> c.f("EEEE d MMMM"), c -> c.f("EEEE d MMMM yyyy"), c -> c.f("EEE d MMM"),
          c -> c.weekday(TextStyle.FULL) + " " + frDay(c) + " " + c.f("MMMM"));
      case "es" -> List.of(c -> c.f("EEEE d 'de' MMMM"), c -> c.f("EEEE, d 'de' MMMM"), c -> c.f("EEEE d/MM"),
          c -> c.f("EEEE d 'de' MMMM 'de' yyyy"));
      case "it" -> List.of(c -> c.f("EEEE d MMMM"), c -> c.f("EEEE d MMMM yyyy"), c -> c.f("EEE d MMM"));
      case "pt" -> List.of(c -> c.f("EEEE, d 'de' MMMM"), c -> c.f("EEEE d/MM"), c -> c.f("EEEE, dd/MM/yyyy"));
      case "nl" -> List.of(c -> c.f("EEEE d MMMM"), c -> c.f("EEEE d MMMM yyyy"), c -> c.f("EEE d MMM"));
      default -> List.of(c -> c.f("EEEE yyyy-MM-dd"));
    };
  }

  private static List<Function<Ctx, String>> ordinals(String lang) {
    return lang.equals("fr")
        ? List.of(c -> frDay(c) + " " + c.f("MMMM"), c -> frDay(c) + " " + c.f("MMMM yyyy"))
        : List.of(c -> ordinal(c.d().getDayOfMonth()) + " of " + c.month(TextStyle.FULL),
            c -> ordinal(c.d().getDayOfMonth()) + " of " + c.month(TextStyle.FULL) + " " + c.d().getYear(),
            c -> c.month(TextStyle.FULL) + " " + ordinal(c.d().getDayOfMonth()),
            c -> c.shortMonth(true) + " " + ordinal(c.d().getDayOfMonth()),
            c -> ordinal(c.d().getDayOfMonth()) + " " + c.shortMonth(false));
  }

  private static List<Function<Ctx, String>> monthYear(String lang) {
    return switch (lang) {
      case "en" -> List.of(c -> c.f("MMMM yyyy"), c -> c.shortMonth(false) + " " + c.d().getYear(), c -> c.f("MM/yyyy"),
          c -> c.f("yyyy-MM"), c -> c.shortMonth(true) + " " + c.d().getYear());
      case "de" -> List.of(c -> c.f("MMMM yyyy"), c -> c.f("MM/yyyy"), c -> c.f("MM.yyyy"));
      case "es", "pt" -> List.of(c -> c.f("MMMM 'de' yyyy"), c -> c.f("MM/yyyy"), c -> c.f("MMMM yyyy"));
      default -> List.of(c -> c.f("MMMM yyyy"), c -> c.f("MM/yyyy"));
    };
  }

  private static String frDay(Ctx c) {
    return c.d().getDayOfMonth() == 1 ? "1er" : Integer.toString(c.d().getDayOfMonth());
  }
}
