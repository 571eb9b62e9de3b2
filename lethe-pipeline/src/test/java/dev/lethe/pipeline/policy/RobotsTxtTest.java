package dev.lethe.pipeline.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** RFC 9309 and Google's robots.txt specification, example by example. */
class RobotsTxtTest {

  /** RFC 9309 section 5.1. */
  static final String RFC_EXAMPLE = """
      User-Agent: *
      Disallow: *.gif$
      Disallow: /example/
      Allow: /publications/

      User-Agent: foobot
      Disallow:/
      Allow:/example/page.html
      Allow:/example/allowed.gif

      User-Agent: barbot
      User-Agent: bazbot
      Disallow: /example/page.html

      User-Agent: quxbot

      EOF
      """;

  static Stream<Arguments> rfcExample() {
    return Stream.of(
        Arguments.of("foobot", "/example/page.html", true),
        Arguments.of("foobot", "/example/allowed.gif", true),
        Arguments.of("foobot", "/example/other.html", false),
        Arguments.of("foobot", "/", false),
        Arguments.of("FooBot", "/example/page.html", true),          // product tokens match case-insensitively
        Arguments.of("foobot/2.1", "/other", false),                 // version suffix of the crawler ignored
        Arguments.of("barbot", "/example/page.html", false),
        Arguments.of("bazbot", "/example/page.html", false),
        Arguments.of("barbot", "/example/other.html", true),         // own group: the * group does not apply
        Arguments.of("barbot", "/images/cat.gif", true),
        Arguments.of("quxbot", "/example/page.html", true),          // a group with no rules allows everything
        Arguments.of("otherbot", "/images/cat.gif", false),          // * group: *.gif$
        Arguments.of("otherbot", "/images/cat.gif?x=1", true),       // $ anchors the end of the path and query
        Arguments.of("otherbot", "/example/index.html", false),
        Arguments.of("otherbot", "/publications/2024.html", true),
        Arguments.of("otherbot", "/about", true),
        Arguments.of("foobot", "/robots.txt", true));                // robots.txt itself is always allowed
  }

  @ParameterizedTest(name = "{0} {1} -> {2}")
  @MethodSource
  void rfcExample(String agent, String path, boolean allowed) throws Exception {
    assertThat(parse(RFC_EXAMPLE).check(agent, path).allowed()).isEqualTo(allowed);
  }

  /** RFC 9309 section 5.2: the longest match wins. */
  @Test
  void longestMatch() throws Exception {
    RobotsTxt r = parse("User-Agent: foobot\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif\n");
    assertThat(r.check("foobot", "/example/page/").allowed()).isTrue();
    assertThat(r.check("foobot", "/example/page/disallowed.gif").allowed()).isFalse();
    assertThat(r.check("foobot", "/example/page/disallowed.gif").rule()).isEqualTo("disallow: /example/page/disallowed.gif");
  }

  /** Google's path-matching table: pattern, path, whether the pattern matches. */
  static Stream<Arguments> googlePathMatching() {
    return Stream.of(
        Arguments.of("/", "/", true), Arguments.of("/", "/any/thing", true),
        Arguments.of("/*", "/", true), Arguments.of("/*", "/any/thing", true),
        Arguments.of("/$", "/", true), Arguments.of("/$", "/page.htm", false),
        Arguments.of("/fish", "/fish", true), Arguments.of("/fish", "/fish.html", true),
        Arguments.of("/fish", "/fish/salmon.html", true), Arguments.of("/fish", "/fishheads/yummy.html", true),
        Arguments.of("/fish", "/fish.php?id=anything", true), Arguments.of("/fish", "/Fish.asp", false),
        Arguments.of("/fish", "/catfish", false), Arguments.of("/fish", "/?id=fish", false),
        Arguments.of("/fish", "/desert/fish", false),
        Arguments.of("/fish*", "/fish", true), Arguments.of("/fish*", "/fishheads", true), Arguments.of("/fish*", "/catfish", false),
        Arguments.of("/fish/", "/fish/", true), Arguments.of("/fish/", "/fish/?id=anything", true),
        Arguments.of("/fish/", "/fish/salmon.htm", true), Arguments.of("/fish/", "/fish", false),
        Arguments.of("/fish/", "/fish.html", false), Arguments.of("/fish/", "/animals/fish/", false),
        Arguments.of("/fish/", "/Fish/Salmon.asp", false),
        Arguments.of("/*.php", "/index.php", true), Arguments.of("/*.php", "/folder/filename.php", true),
        Arguments.of("/*.php", "/folder/filename.php?parameters", true), Arguments.of("/*.php", "/folder/any.php.file.html", true),
        Arguments.of("/*.php", "/filename.php/", true), Arguments.of("/*.php", "/", false), Arguments.of("/*.php", "/windows.PHP", false),
        Arguments.of("/*.php$", "/filename.php", true), Arguments.of("/*.php$", "/folder/filename.php", true),
        Arguments.of("/*.php$", "/filename.php?parameters", false), Arguments.of("/*.php$", "/filename.php/", false),
        Arguments.of("/*.php$", "/filename.php5", false), Arguments.of("/*.php$", "/windows.PHP", false),
        Arguments.of("/fish*.php", "/fish.php", true), Arguments.of("/fish*.php", "/fishheads/catfish.php?parameters", true),
        Arguments.of("/fish*.php", "/Fish.PHP", false));
  }

  @ParameterizedTest(name = "{0} matches {1}: {2}")
  @MethodSource
  void googlePathMatching(String pattern, String path, boolean matches) throws Exception {
    RobotsTxt r = parse("user-agent: *\ndisallow: " + pattern + "\n");
    assertThat(r.check("anybot", path).allowed()).isEqualTo(!matches);
  }

  /** Google's order-of-precedence table: allow rule, disallow rule, URL, allowed. */
  static Stream<Arguments> googlePrecedence() {
    return Stream.of(
        Arguments.of("/p", "/", "/page", true),
        Arguments.of("/folder", "/folder", "/folder/page", true),      // tie: allow wins
        Arguments.of("/page", "/*.htm", "/page.htm", false),          // longer disallow wins
        Arguments.of("/page", "/*.ph", "/page.php5", true),           // equal length: allow wins
        Arguments.of("/$", "/", "/", true),
        Arguments.of("/$", "/", "/page.htm", false));
  }

  @ParameterizedTest(name = "allow {0}, disallow {1}, {2} -> {3}")
  @MethodSource
  void googlePrecedence(String allow, String disallow, String path, boolean allowed) throws Exception {
    RobotsTxt r = parse("user-agent: *\nallow: " + allow + "\ndisallow: " + disallow + "\n");
    assertThat(r.check("anybot", path).allowed()).isEqualTo(allowed);
  }

  /** RFC 9309 section 2.2.2: percent-encoding is normalised on both sides. */
  @Test
  void percentEncoding() throws Exception {
    RobotsTxt r = parse("user-agent: *\ndisallow: /foo/bar/ツ\ndisallow: /a/%62%61%7A\ndisallow: /q?baz=quz\n");
    assertThat(r.check("x", "/foo/bar/%E3%83%84").allowed()).isFalse();
    assertThat(r.check("x", "/foo/bar/%e3%83%84").allowed()).isFalse();
    assertThat(r.check("x", "/a/baz").allowed()).isFalse();
    assertThat(r.check("x", "/q?baz=quz").allowed()).isFalse();
    assertThat(r.check("x", "/q?baz=other").allowed()).isTrue();
  }

  /** Google: groups merge, non-group lines (sitemap) do not end a run of user-agent lines, rules before any group are ignored. */
  @Test
  void grouping() throws Exception {
    RobotsTxt r = parse("""
        disallow: /before-any-group
        user-agent: a
        disallow: /c

        user-agent: b
        disallow: /d

        user-agent: e
        sitemap: https://example.com/sitemap.xml
        user-agent: f
        disallow: /g

        user-agent: a
        disallow: /h
        """);
    assertThat(r.check("a", "/c").allowed()).isFalse();
    assertThat(r.check("a", "/h").allowed()).isFalse();  // both groups of a merged
    assertThat(r.check("a", "/d").allowed()).isTrue();
    assertThat(r.check("e", "/g").allowed()).isFalse();
    assertThat(r.check("f", "/g").allowed()).isFalse();
    assertThat(r.check("z", "/before-any-group").allowed()).isTrue();
  }

  @Test
  void emptyDisallowAllowsEverythingAndEmptyFileAllows() throws Exception {
    assertThat(parse("User-agent: *\nDisallow:\n").check("x", "/anything").allowed()).isTrue();
    assertThat(parse("").check("x", "/anything").allowed()).isTrue();
    assertThat(parse("# only a comment\n").check("x", "/anything").allowed()).isTrue();
  }

  @Test
  void commentsAndCrLf() throws Exception {
    RobotsTxt r = parse("User-agent: LetheBot # our crawler\r\nDisallow: /tmp/ # scratch\r\n");
    assertThat(r.check("LetheBot", "/tmp/x").allowed()).isFalse();
    assertThat(r.check("LetheBot", "/tmp").allowed()).isTrue();
  }

  @Test
  void unparseableFilesAreRefused() {
    assertThatThrownBy(() -> parse("<html><body>502 Bad Gateway</body></html>"))
        .isInstanceOf(RobotsTxt.UnparseableException.class).hasMessageContaining("no user-agent");
    assertThatThrownBy(() -> RobotsTxt.parse(new byte[] {'u', 's', (byte) 0xC3, '(', '\n'}))
        .isInstanceOf(RobotsTxt.UnparseableException.class).hasMessageContaining("UTF-8");
  }

  private static RobotsTxt parse(String s) throws RobotsTxt.UnparseableException {
    return RobotsTxt.parse(s.getBytes(StandardCharsets.UTF_8));
  }
}
