package dev.lethe.pipeline.policy;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A robots.txt file read by the rules of RFC 9309 (the Robots Exclusion Protocol), as fetched at crawl time.
 *
 * <ul>
 *   <li>Groups: one or more {@code user-agent} lines followed by {@code allow}/{@code disallow} rules. The
 *       crawler obeys every group whose product token equals its own (case-insensitively), merged; if none,
 *       the {@code *} groups; if none either, nothing is disallowed.
 *   <li>Matching: a rule matches a URL when its pattern matches a prefix of the URL's path and query; {@code *}
 *       matches any sequence of characters and a final {@code $} anchors the end. Both sides are
 *       percent-normalised first (non-ASCII as UTF-8 {@code %XX}, escapes of unreserved characters decoded).
 *   <li>Precedence: the matching rule with the most octets wins; between an allow and a disallow rule of the
 *       same length, allow wins. {@code /robots.txt} itself is always allowed. Empty rule values are ignored.
 * </ul>
 *
 * <p>Hand-written: the Java robots.txt libraries either predate RFC 9309 (crawler-commons applies its own
 * precedence rules) or pull in a crawler framework. Immutable and thread-safe.
 */
public final class RobotsTxt {
  /** Google, like RFC 9309 section 2.5, reads at least 500 KiB; the rest is ignored. */
  static final int MAX_BYTES = 500 * 1024;

  private record Rule(boolean allow, String pattern) {}

  private record Group(List<String> agents, List<Rule> rules) {}

  private final List<Group> groups;

  private RobotsTxt(List<Group> groups) {
    this.groups = groups;
  }

  /** Thrown when the bytes are not a robots.txt at all (invalid UTF-8, binary, an HTML page). */
  public static final class UnparseableException extends Exception {
    public UnparseableException(String message) {
      super(message);
    }
  }

  /** The decision for one URL: whether it is allowed and the rule that decided (or null). */
  public record Verdict(boolean allowed, String rule) {}

  /** Parses a robots.txt; lines it does not understand are ignored, as RFC 9309 asks. */
  public static RobotsTxt parse(byte[] bytes) throws UnparseableException {
    byte[] b = bytes.length > MAX_BYTES ? java.util.Arrays.copyOf(bytes, MAX_BYTES) : bytes;
    String text;
    try {
      text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
    } catch (CharacterCodingException e) {
      if (bytes.length > MAX_BYTES) {  // the cut may split a character: keep what decodes
        text = new String(b, StandardCharsets.UTF_8);
      } else {
        throw new UnparseableException("robots.txt is not valid UTF-8");
      }
    }
    if (text.indexOf('\0') >= 0) {
      throw new UnparseableException("robots.txt is binary");
    }
    if (text.startsWith("\uFEFF")) {
      text = text.substring(1);
    }
    List<Group> groups = new ArrayList<>();
    Group current = null;
    boolean collectingAgents = false;
    int recognised = 0;
    boolean content = false;
    for (String raw : text.split("\r\n|\r|\n")) {
      int hash = raw.indexOf('#');
      String line = (hash >= 0 ? raw.substring(0, hash) : raw).strip();
      if (line.isEmpty()) {
        continue;
      }
      content = true;
      int colon = line.indexOf(':');
      if (colon < 0) {
        continue;
      }
      String key = line.substring(0, colon).strip().toLowerCase(Locale.ROOT);
      String value = line.substring(colon + 1).strip();
      switch (key) {
        case "user-agent" -> {
          recognised++;
          if (!collectingAgents) {
            current = new Group(new ArrayList<>(), new ArrayList<>());
            groups.add(current);
            collectingAgents = true;
          }
          current.agents().add(productToken(value));
        }
        case "allow", "disallow" -> {
          recognised++;
          collectingAgents = false;
          if (current != null && !value.isEmpty()) {
            current.rules().add(new Rule(key.equals("allow"), normalise(value, true)));
          }
        }
        case "sitemap" -> recognised++;
        default -> { }
      }
    }
    if (content && recognised == 0) {
      throw new UnparseableException("robots.txt has no user-agent, allow, disallow or sitemap line (an error page?)");
    }
    return new RobotsTxt(List.copyOf(groups));
  }

  /** Whether {@code crawlerToken} may fetch {@code url}. */
  public Verdict check(String crawlerToken, URI url) {
    String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
    if (url.getRawQuery() != null) {
      path += "?" + url.getRawQuery();
    }
    return check(crawlerToken, path);
  }

  /** Whether {@code crawlerToken} may fetch the path (with query) {@code pathAndQuery}. */
  public Verdict check(String crawlerToken, String pathAndQuery) {
    String path = normalise(pathAndQuery, false);
    if (path.equals("/robots.txt")) {
      return new Verdict(true, null);
    }
    String token = productToken(crawlerToken);
    List<Rule> rules = rulesFor(token);
    Rule best = null;
    for (Rule r : rules) {
      if (matches(r.pattern(), path)) {
        if (best == null || r.pattern().length() > best.pattern().length()
            || (r.pattern().length() == best.pattern().length() && r.allow() && !best.allow())) {
          best = r;
        }
      }
    }
    return best == null ? new Verdict(true, null)
        : new Verdict(best.allow(), (best.allow() ? "allow: " : "disallow: ") + best.pattern());
  }

  private List<Rule> rulesFor(String token) {
    List<Rule> own = new ArrayList<>();
    List<Rule> star = new ArrayList<>();
    boolean ownFound = false;
    for (Group g : groups) {
      if (g.agents().stream().anyMatch(a -> a.equalsIgnoreCase(token))) {
        ownFound = true;
        own.addAll(g.rules());
      } else if (g.agents().contains("*")) {
        star.addAll(g.rules());
      }
    }
    return ownFound ? own : star;
  }

  /** The product token of a user-agent value: its leading run of letters, '_' and '-' (or "*"). */
  static String productToken(String value) {
    String v = value.strip();
    if (v.startsWith("*")) {
      return "*";
    }
    int end = 0;
    while (end < v.length() && (Character.isLetter(v.charAt(end)) || v.charAt(end) == '_' || v.charAt(end) == '-')) {
      end++;
    }
    return v.substring(0, end).toLowerCase(Locale.ROOT);
  }

  /**
   * Percent-normalisation of RFC 9309 section 2.2.2: non-ASCII characters become UTF-8 {@code %XX}, escapes of
   * unreserved characters are decoded, other escapes get upper-case hex. In patterns, '*' and '$' stay special.
   */
  static String normalise(String s, boolean pattern) {
    StringBuilder out = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length() && hex(s.charAt(i + 1)) >= 0 && hex(s.charAt(i + 2)) >= 0) {
        char decoded = (char) (hex(s.charAt(i + 1)) * 16 + hex(s.charAt(i + 2)));
        if (unreserved(decoded)) {
          out.append(decoded);
        } else {
          out.append('%').append(Character.toUpperCase(s.charAt(i + 1))).append(Character.toUpperCase(s.charAt(i + 2)));
        }
        i += 2;
      } else if (c < 0x80) {
        out.append(c);
      } else {
        int cp = s.codePointAt(i);
        for (byte b : new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8)) {
          out.append('%').append(String.format(Locale.ROOT, "%02X", b & 0xff));
        }
        i += Character.charCount(cp) - 1;
      }
    }
    return out.toString();
  }

  private static boolean unreserved(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '.' || c == '_' || c == '~';
  }

  private static int hex(char c) {
    return Character.digit(c, 16);
  }

  /**
   * Whether {@code pattern} matches a prefix of {@code path} ('*' any run, final '$' end of path). Greedy
   * matching with one backtrack point per '*', linear in practice.
   */
  static boolean matches(String pattern, String path) {
    boolean anchored = pattern.endsWith("$");
    String p = anchored ? pattern.substring(0, pattern.length() - 1) : pattern;
    int pi = 0;
    int si = 0;
    int star = -1;
    int mark = 0;
    while (true) {
      if (pi == p.length()) {
        if (!anchored || si == path.length()) {
          return true;
        }
        if (star < 0) {
          return false;
        }
        pi = star + 1;  // the last '*' must swallow more
        si = ++mark;
        continue;
      }
      if (p.charAt(pi) == '*') {
        star = pi++;
        mark = si;
        continue;
      }
      if (si < path.length() && p.charAt(pi) == path.charAt(si)) {
        pi++;
        si++;
        continue;
      }
      if (star < 0 || mark >= path.length()) {
        return false;
      }
      pi = star + 1;
      si = ++mark;
    }
  }
}
