package dev.lethe.filter.detect;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * E-mail addresses: the practical subset of RFC 5322 / RFC 6531 that people type (dot-atoms with
 * subaddressing such as {@code jane+news@gmail.com}, internationalised local parts and domains such as
 * {@code josé@correo.españa.es}), and the obfuscations people use to dodge scrapers ({@code jane dot doe at
 * gmail dot com}, {@code jane[at]example[dot]org}).
 *
 * <p>Not reported at the default operating point: documentation addresses ({@code user@example.com},
 * RFC 2606 names), and SSH remotes ({@code git@github.com:org/repo}). Role mailboxes of organisations
 * ({@code support@}, {@code noreply@}) score below the balanced threshold: they do not identify a person.
 *
 * <p>Found by {@code indexOf('@')}, which the JVM vectorises, so text without '@' costs almost nothing.
 */
public final class EmailDetector implements Detector {
  static final String NAME = "email";
  private static final double SCORE = 0.97;
  private static final double ROLE_SCORE = 0.45;
  private static final double DOC_SCORE = 0.2;
  private static final double OBFUSCATED_SCORE = 0.85;

  private static final Set<String> DOC_DOMAINS = Set.of("example.com", "example.org", "example.net",
      "domain.com", "email.com", "yourdomain.com", "company.com", "mail.com.invalid");
  private static final Set<String> DOC_TLDS = Set.of("example", "test", "invalid", "localhost", "local");
  private static final Set<String> ROLE_LOCALS = Set.of("support", "info", "help", "sales", "contact",
      "noreply", "no-reply", "donotreply", "do-not-reply", "admin", "billing", "press", "privacy", "legal",
      "abuse", "postmaster", "webmaster", "hostmaster", "security", "careers", "jobs", "hr", "team",
      "office", "enquiries", "inquiries", "service", "customerservice", "notifications", "newsletter",
      "marketing", "accounts", "feedback", "dpo", "compliance");
  private static final Set<String> DOC_LOCALS = Set.of("user", "username", "name", "yourname", "your.name",
      "you", "someone", "somebody", "email", "your-email", "youremail", "your.email", "foo", "bar");

  /** Big providers where "name at gmail.com" is clearly an address even without "dot" obfuscation. */
  private static final Set<String> MAIL_PROVIDERS = Set.of("gmail", "googlemail", "yahoo", "hotmail",
      "outlook", "live", "icloud", "me", "mac", "aol", "proton", "protonmail", "pm", "gmx", "web", "yandex",
      "mail", "zoho", "fastmail", "hey", "qq", "163", "naver", "libero", "orange", "free", "btinternet");

  private static final String OB_AT = "(?:\\s*[\\[({<]\\s*(?:at|@)\\s*[\\])}>]\\s*|\\s+(?:at|AT)\\s+)";
  private static final String OB_DOT_WORD = "(?:\\s*[\\[({<]\\s*(?:dot|\\.)\\s*[\\])}>]\\s*|\\s+(?:dot|DOT)\\s+)";
  private static final String OB_DOT = "(?:" + OB_DOT_WORD + "|\\.)";
  private static final Pattern OBFUSCATED = Pattern.compile(
      "([\\p{L}\\p{N}_%+-]+(?:" + OB_DOT + "[\\p{L}\\p{N}_%+-]+)*)" + OB_AT
          + "([\\p{L}\\p{N}-]+(?:" + OB_DOT + "[\\p{L}\\p{N}-]+)+)");
  private static final Pattern OB_DOT_WORD_PATTERN = Pattern.compile(OB_DOT_WORD);
  private static final String[] OB_AT_MARKERS = {" at ", " AT ", "[at]", "(at)", "{at}", "<at>", "[@]",
      "(@)", "[ at ]", "( at )"};

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void detect(String text, List<Span> out) {
    for (int at = text.indexOf('@'); at >= 0; at = text.indexOf('@', at + 1)) {
      Span s = addressAround(text, at);
      if (s != null) {
        out.add(s);
        at = s.end() - 1;
      }
    }
    for (String marker : OB_AT_MARKERS) {
      for (int i = text.indexOf(marker); i >= 0; i = text.indexOf(marker, i + marker.length())) {
        obfuscatedAround(text, i, out);
      }
    }
  }

  /** The plain address whose '@' is at {@code at}, or null. */
  private static Span addressAround(String text, int at) {
    int start = at;
    while (start > 0 && isLocalChar(text.charAt(start - 1))) {
      start--;
    }
    while (start < at && !Character.isLetterOrDigit(text.charAt(start))) {
      start++; // leading punctuation belongs to the sentence, not the address
    }
    if (start == at || at - start > 64 || text.charAt(at - 1) == '.' || inUrlUserInfo(text, start)) {
      return null;
    }
    int end = domainEnd(text, at + 1);
    if (end < 0) {
      return null;
    }
    String local = text.substring(start, at).toLowerCase(Locale.ROOT);
    String domain = text.substring(at + 1, end).toLowerCase(Locale.ROOT);
    if (local.contains("..")) {
      return null;
    }
    if (end < text.length() && text.charAt(end) == ':' && local.equals("git")) {
      return null; // git@github.com:org/repo.git is an SSH remote
    }
    return new Span(Label.PRIVATE_EMAIL, null, start, end, scoreOf(local, domain), NAME);
  }

  /**
   * Whether the text before {@code start} opens a URL authority ({@code scheme://user:} or {@code
   * scheme://}) on the same token: then {@code x@host} is a credential or a user name, not an address. A
   * {@code /} (a path) or a CSV delimiter between the two ends the authority: in
   * {@code https://bank.no,ana@mail.com} and {@code https://x.com/u/ana@mail.com} the address is an address.
   */
  private static boolean inUrlUserInfo(String text, int start) {
    int i = start - 1;
    while (i >= 0 && !Character.isWhitespace(text.charAt(i)) && text.charAt(i) != '"' && text.charAt(i) != '\'') {
      char c = text.charAt(i);
      if (c == '/') {
        return text.startsWith("://", i - 2);
      }
      if (c == ',' || c == ';' || c == '|') {
        return false;
      }
      i--;
    }
    return false;
  }

  private static double scoreOf(String local, String domain) {
    if (domain.endsWith("gserviceaccount.com") || domain.endsWith(".iam.gserviceaccount.com")
        || domain.endsWith("users.noreply.github.com")) {
      return DOC_SCORE; // machine identities, not people
    }
    String tld = domain.substring(domain.lastIndexOf('.') + 1);
    if (DOC_DOMAINS.contains(domain) || DOC_TLDS.contains(tld) || domain.endsWith(".example.com")
        || DOC_LOCALS.contains(local) && !MAIL_PROVIDERS.contains(domain.substring(0, domain.indexOf('.')))) {
      return DOC_SCORE;
    }
    String base = local.indexOf('+') > 0 ? local.substring(0, local.indexOf('+')) : local;
    return ROLE_LOCALS.contains(base) ? ROLE_SCORE : SCORE;
  }

  /** Local-part chars people actually use (RFC 6531 allows letters of any script). */
  private static boolean isLocalChar(char c) {
    return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '%' || c == '+' || c == '-'
        || c == '\'';
  }

  /**
   * End of a domain of at least two labels starting at {@code from}, ending in an alphabetic TLD of two or
   * more letters (or an xn-- label); -1 when there is none. A trailing dot stays outside.
   */
  static int domainEnd(String text, int from) {
    int i = from;
    int labels = 0;
    int lastLabelStart = -1;
    int lastGoodEnd = -1;
    while (true) {
      int labelStart = i;
      while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-')) {
        i++;
      }
      if (i == labelStart || i - labelStart > 63 || text.charAt(labelStart) == '-'
          || text.charAt(i - 1) == '-') {
        break;
      }
      labels++;
      lastLabelStart = labelStart;
      if (labels >= 2 && isTld(text, lastLabelStart, i)) {
        lastGoodEnd = i;
      }
      if (i + 1 < text.length() && text.charAt(i) == '.' && Character.isLetterOrDigit(text.charAt(i + 1))) {
        i++;
      } else {
        break;
      }
    }
    return lastGoodEnd;
  }

  private static boolean isTld(String text, int start, int end) {
    if (end - start >= 4 && text.regionMatches(true, start, "xn--", 0, 4)) {
      return true;
    }
    if (end - start < 2) {
      return false;
    }
    for (int k = start; k < end; k++) {
      if (!Character.isLetter(text.charAt(k))) {
        return false;
      }
    }
    return true;
  }

  private static void obfuscatedAround(String text, int markerAt, List<Span> out) {
    if (text.charAt(markerAt) == ' ' && !domainFollows(text, markerAt + 4)) {
      return; // "at the", "at home": the common case, decided without the regex
    }
    int from = Math.max(0, markerAt - 80);
    int to = Math.min(text.length(), markerAt + 90);
    Matcher m = OBFUSCATED.matcher(text).region(from, to);
    while (m.find()) {
      if (m.start() > markerAt || m.end(1) > markerAt + 1 || m.start(2) < markerAt) {
        continue;
      }
      if (!Context.boundaryBefore(text, m.start(1))) {
        continue;
      }
      String local = m.group(1);
      String domain = m.group(2);
      boolean domainObfuscated = OB_DOT_WORD_PATTERN.matcher(domain).find();
      String firstLabel = domain.split("[^\\p{L}\\p{N}-]+")[0].toLowerCase(Locale.ROOT);
      String tld = lastAlnumRun(domain).toLowerCase(Locale.ROOT);
      boolean bracketAt = text.charAt(markerAt) != ' ';
      boolean plausibleLocal = local.matches(".*[._\\d].*") || OB_DOT_WORD_PATTERN.matcher(local).find();
      if (!KNOWN_TLDS.contains(tld)) {
        continue;
      }
      if (!(bracketAt || domainObfuscated || MAIL_PROVIDERS.contains(firstLabel) && plausibleLocal)) {
        continue;
      }
      out.add(new Span(Label.PRIVATE_EMAIL, "obfuscated_email", m.start(1), m.end(2), OBFUSCATED_SCORE, NAME));
      return;
    }
  }

  /**
   * Whether the text at {@code i} reads like an obfuscated or plain domain: a word followed by "." plus
   * a letter, or by " dot " / "[dot]" / "(dot)" / "{dot}".
   */
  private static boolean domainFollows(String text, int i) {
    int n = text.length();
    while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '-')) {
      i++;
    }
    if (i + 1 < n && text.charAt(i) == '.' && Character.isLetter(text.charAt(i + 1))) {
      return true;
    }
    while (i < n && text.charAt(i) == ' ') {
      i++;
    }
    return text.regionMatches(true, i, "dot ", 0, 4) || text.regionMatches(true, i, "[dot]", 0, 5)
        || text.regionMatches(true, i, "(dot)", 0, 5) || text.regionMatches(true, i, "{dot}", 0, 5);
  }

  private static String lastAlnumRun(String s) {
    int end = s.length();
    int start = end;
    while (start > 0 && Character.isLetterOrDigit(s.charAt(start - 1))) {
      start--;
    }
    return s.substring(start, end);
  }

  private static final Set<String> KNOWN_TLDS = Set.of("com", "net", "org", "edu", "gov", "io", "co", "me",
      "uk", "de", "fr", "es", "it", "nl", "be", "ch", "at", "se", "no", "dk", "fi", "pl", "pt", "br", "ar",
      "mx", "ca", "us", "au", "nz", "in", "jp", "cn", "kr", "ru", "ua", "za", "ng", "ke", "sg", "hk", "tw",
      "ie", "info", "biz", "dev", "app", "ai", "xyz", "tech", "email", "mail", "online", "site", "blog");
}
