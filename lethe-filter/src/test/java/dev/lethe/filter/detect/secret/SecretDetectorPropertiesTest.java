package dev.lethe.filter.detect.secret;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Invariants of the detector on arbitrary text, and on text built from the pieces its rules look at. */
class SecretDetectorPropertiesTest {
  private static final SecretDetector DETECTOR = new SecretDetector();

  /** Pieces that reach deep into the rules: key words, operators, prefixes, quotes, URL and block syntax. */
  private static final String[] PIECES = {
      "password", "Password", "PASSWORD", "pass", "pwd", "pw", "secret", "token", "key", "api_key", "apiKey",
      "auth", "Authorization", "Bearer ", "Basic ", "session", "sid", "sig=", "pin", "PIN", "dsn", "creds",
      "mot de passe", "contraseña", "пароль", "パスワード", "密码", "door code", " is ", " was ", " ist ", "=",
      ":", ": ", " = ", ":=", "=>", "==", "(", ")", "[", "]", "{", "}", "<", ">", "</", "\"", "'", "`", "“", "”",
      "\\\"", "\\n", "\n", "\r\n", "\t", " ", ",", ";", ".", "!", "?", "&", "#", "$", "${", "{{", "%", "@", "/",
      "://", "postgres://", "https://", "jdbc:mysql://", "-----BEGIN ", "-----END ", "PRIVATE KEY", "-----",
      "---- BEGIN SSH2 ENCRYPTED PRIVATE KEY ----", "PuTTY-User-Key-File-3: ", "Private-Lines: 1",
      "Private-MAC: ", "eyJ", "eyJhbGciOiJIUzI1NiJ9", "AKIA", "ghp_", "github_pat_", "glpat-", "xoxb-",
      "sk-", "sk_live_", "sk-ant-api03-", "AIza", "SG.", "AC", "SK", "npm_", "hf_", "AGE-SECRET-KEY-1",
      "hooks.slack.com/", "/api/webhooks/", "api.telegram.org/bot", ":AA", "-us", "Q~", ".atlasv1.",
      "AccountKey=", "SharedAccessKey=", "access_token$", ";base64,", "mysql", " -p", "sshpass", "curl",
      " -u ", "login(", "--", "-", "_", "0123456789", "abcdef", "ABCDEF", "Zq8", "x", "A", "é", "😭",
      "\uD83D", "\uDE00", "\u0000", "\u0007", "\uFFFF", "\u3000"};

  @Property(tries = 600)
  void spansLieInsideTheTextAndAreWellFormed(@ForAll("texts") String text) {
    for (Span s : detect(text)) {
      assertThat(s.start()).isBetween(0, text.length() - 1);
      assertThat(s.end()).isBetween(s.start() + 1, text.length());
      assertThat(s.label()).isEqualTo(Label.SECRET);
      assertThat(s.detector()).isEqualTo(SecretDetector.NAME);
      assertThat(s.subtype()).isNotBlank();
      assertThat(s.score()).isBetween(Confidence.MIN_REPORTED, 1.0);
      assertThat(splitsASurrogatePair(text, s.start()) || splitsASurrogatePair(text, s.end()))
          .as("span [%d, %d) cuts a surrogate pair", s.start(), s.end()).isFalse();
    }
  }

  @Property(tries = 300)
  void neverThrowsOnArbitraryStrings(@ForAll("anyChars") String text) {
    assertThat(detect(text)).isNotNull();
  }

  @Property(tries = 300)
  void isDeterministicAndKeepsNoStateBetweenCalls(@ForAll("texts") String text, @ForAll("texts") String other) {
    List<Span> first = detect(text);
    detect(other);
    assertThat(detect(text)).isEqualTo(first);
    assertThat(detect(text, new SecretDetector())).isEqualTo(first);
  }

  @Property(tries = 300)
  void reportsNoExtentTwice(@ForAll("texts") String text) {
    List<Span> spans = detect(text);
    assertThat(spans.stream().map(s -> s.start() + ":" + s.end()).distinct().count()).isEqualTo(spans.size());
  }

  @Property(tries = 200)
  void aValidTokenIsFoundWhateverSurroundsIt(@ForAll("textsOutsideBlocks") String before,
      @ForAll("textsOutsideBlocks") String after,
      @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    String token = new FakeTokens(seed).github("ghp_");
    String text = before + " " + token + " " + after;
    int at = before.length() + 1;
    assertThat(detect(text)).anySatisfy(s -> {
      assertThat(s.start()).isEqualTo(at);
      assertThat(s.end()).isEqualTo(at + token.length());
      assertThat(s.subtype()).isEqualTo("github_pat");
    });
  }

  @Property(tries = 200)
  void theValueOfAPasswordAssignmentIsFoundWhateverSurroundsTheLine(@ForAll("textsOutsideBlocks") String before,
      @ForAll("textsOutsideBlocks") String after, @ForAll @IntRange(min = 0, max = 1_000_000) int seed) {
    String value = new FakeTokens(seed).base62(12) + "#7";
    String text = before + "\nDB_PASSWORD=" + value + "\n" + after;
    int at = before.length() + "\nDB_PASSWORD=".length();
    assertThat(detect(text)).anySatisfy(s -> {
      assertThat(s.start()).isEqualTo(at);
      assertThat(s.end()).isEqualTo(at + value.length());
    });
  }

  @Example
  void oneInstanceServesManyThreads() throws Exception {
    List<String> texts = new ArrayList<>();
    FakeTokens fake = new FakeTokens(3);
    for (int i = 0; i < 64; i++) {
      texts.add("x".repeat(i * 97) + " token " + fake.github("ghp_") + "\npassword=" + fake.base62(10) + "#1 "
          + "y".repeat(5000 - i * 31));
    }
    List<List<Span>> expected = texts.stream().map(SecretDetectorPropertiesTest::detect).toList();
    java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(4);
    try {
      for (int round = 0; round < 5; round++) {
        List<java.util.concurrent.Future<List<Span>>> results = new ArrayList<>();
        for (String text : texts) {
          results.add(pool.submit(() -> detect(text)));
        }
        for (int i = 0; i < texts.size(); i++) {
          assertThat(results.get(i).get()).isEqualTo(expected.get(i)).hasSize(2);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static boolean splitsASurrogatePair(String text, int i) {
    return i > 0 && i < text.length() && Character.isHighSurrogate(text.charAt(i - 1))
        && Character.isLowSurrogate(text.charAt(i));
  }

  private static List<Span> detect(String text) {
    return detect(text, DETECTOR);
  }

  private static List<Span> detect(String text, SecretDetector detector) {
    List<Span> out = new ArrayList<>();
    detector.detect(text, out);
    return out;
  }

  @Provide
  Arbitrary<String> texts() {
    return Arbitraries.of(PIECES).list().ofMaxSize(40).map(l -> String.join("", l));
  }

  /** Texts without the syntax of key blocks, inside which a token is part of the block (or skipped with it). */
  @Provide
  Arbitrary<String> textsOutsideBlocks() {
    return Arbitraries.of(PIECES).filter(p -> !p.contains("----") && !p.startsWith("PuTTY")).list().ofMaxSize(40)
        .map(l -> String.join("", l));
  }

  @Provide
  Arbitrary<String> anyChars() {
    return Arbitraries.strings().all().ofMaxLength(300);
  }
}
