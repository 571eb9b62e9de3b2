package dev.lethe.filter.detect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.filter.detect.Keywords.Boundary;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

class KeywordsTest {

  /** One reported occurrence, as "index@start-end". */
  private static List<String> hits(Keywords k, String text, int from, int to) {
    List<String> out = new ArrayList<>();
    k.scan(text, from, to, (i, s, e) -> out.add(k.keyword(i) + "@" + s + "-" + e));
    return out;
  }

  private static List<String> hits(Keywords k, String text) {
    return hits(k, text, 0, text.length());
  }

  @Test
  void findsOverlappingKeywordsInOrderOfEnd() {
    Keywords k = Keywords.of("he", "she", "his", "hers");
    assertThat(hits(k, "ushers")).containsExactly("she@1-4", "he@2-4", "hers@2-6");
  }

  @Test
  void matchesAsciiCaseInsensitively() {
    Keywords k = Keywords.of("password", "API_KEY");
    assertThat(hits(k, "DB_PASSWORD=x api_key=y Password")).containsExactly(
        "password@3-11", "API_KEY@14-21", "password@24-32");
  }

  @Test
  void nonAsciiCharsNeverMatchAndBreakAMatch() {
    Keywords k = Keywords.of("pass");
    // 'ſ' (long s) upper-cases to 'S' in Unicode but is not ASCII; 'é' splits the word.
    assertThat(hits(k, "paſs paés pass")).containsExactly("pass@10-14");
  }

  @Test
  void wholeWordNeedsNonAlphanumericNeighbours() {
    Keywords k = Keywords.builder().add("key", Boundary.WHOLE_WORD).build();
    assertThat(hits(k, "key API_KEY api-key keyboard monkey key1 key")).containsExactly(
        "key@0-3", "key@8-11", "key@16-19", "key@41-44");
  }

  @Test
  void wordStartNeedsOnlyTheLeftBoundary() {
    Keywords k = Keywords.builder().add("ghp_", Boundary.WORD_START).build();
    assertThat(hits(k, "ghp_abc xghp_abc \"ghp_1")).containsExactly("ghp_@0-4", "ghp_@18-22");
  }

  @Test
  void unicodeLettersAreWordCharsForBoundaries() {
    Keywords k = Keywords.builder().add("pin", Boundary.WHOLE_WORD).build();
    assertThat(hits(k, "épin pinñ pin")).containsExactly("pin@10-13");
  }

  @Test
  void boundariesLookAtTheWholeTextNotTheWindow() {
    Keywords k = Keywords.builder().add("count", Boundary.WHOLE_WORD).build();
    String text = "account count";
    assertThat(hits(k, text, 2, 7)).isEmpty();
    assertThat(hits(k, text, 8, 13)).containsExactly("count@8-13");
  }

  @Test
  void reportsOnlyOccurrencesInsideTheWindow() {
    Keywords k = Keywords.of("token");
    String text = "token token token";
    assertThat(hits(k, text, 1, 17)).containsExactly("token@6-11", "token@12-17");
    assertThat(hits(k, text, 6, 10)).isEmpty();
    assertThatThrownBy(() -> k.scan(text, 5, 99, (i, s, e) -> { }))
        .isInstanceOf(IndexOutOfBoundsException.class);
  }

  @Test
  void sameKeywordTwiceIsReportedUnderBothIndices() {
    Keywords k = Keywords.builder().add("sid").add("sid", Boundary.WHOLE_WORD).build();
    List<Integer> indices = new ArrayList<>();
    k.scan("connect.sid= side", 0, 17, (i, s, e) -> indices.add(i));
    assertThat(indices).containsExactly(0, 1, 0);
  }

  @Test
  void oneCharKeywordsAreFound() {
    Keywords k = Keywords.of("@", "ab");
    assertThat(hits(k, "x@y ab@")).containsExactly("@@1-2", "ab@4-6", "@@6-7");
  }

  @Test
  void rejectsEmptyAndNonAsciiKeywordsNamingThem() {
    assertThatThrownBy(() -> Keywords.builder().add("ok").add("пароль"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("keyword 1")
        .hasMessageContaining("non-ASCII");
    assertThatThrownBy(() -> Keywords.builder().add(""))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("empty");
  }

  @Test
  void anEmptySetFindsNothing() {
    assertThat(hits(Keywords.builder().build(), "anything at all")).isEmpty();
  }

  // ---- properties: the automaton agrees with a naive search ----

  @Property(tries = 400)
  void agreesWithNaiveSearch(@ForAll("keywordSets") List<String> words,
      @ForAll("boundaries") List<Boundary> bounds, @ForAll("texts") String text) {
    Keywords.Builder b = Keywords.builder();
    for (int i = 0; i < words.size(); i++) {
      b.add(words.get(i), bounds.get(i % bounds.size()));
    }
    Keywords k = b.build();
    int from = text.length() / 5;
    int to = text.length() - text.length() / 7;
    assertThat(sorted(hits(k, text, from, to))).isEqualTo(sorted(naive(k, text, from, to)));
  }

  @Property(tries = 40)
  void agreesWithNaiveSearchOnTextsLongerThanAChunk(@ForAll("keywordSets") List<String> words,
      @ForAll("longTexts") String text) {
    Keywords.Builder b = Keywords.builder();
    for (int i = 0; i < words.size(); i++) {
      b.add(words.get(i), Boundary.values()[i % 3]);
    }
    Keywords k = b.build();
    assertThat(sorted(hits(k, text, 3, text.length()))).isEqualTo(sorted(naive(k, text, 3, text.length())));
  }

  @Property(tries = 100)
  void agreesWithNaiveSearchOverAnAlphabetLargerThanTheStartFilter(
      @ForAll("printableKeywordSets") List<String> words, @ForAll("printableTexts") String text) {
    // Printable ASCII has 69 classes once case is folded: more than the start filter tells apart.
    Keywords.Builder b = Keywords.builder().add(" !\"#$%&'()*+,-./0123456789:;<=>?@[\\]^_`{|}~abcdefghijklmnopqrstuvwxyz");
    for (int i = 0; i < words.size(); i++) {
      b.add(words.get(i), Boundary.values()[i % 3]);
    }
    Keywords k = b.build();
    assertThat(sorted(hits(k, text, 0, text.length()))).isEqualTo(sorted(naive(k, text, 0, text.length())));
  }

  @Test
  void findsKeywordsThatStraddleTheInternalChunks() {
    Keywords k = Keywords.of("password", "ab");
    StringBuilder text = new StringBuilder();
    List<String> expected = new ArrayList<>();
    for (int at = 4090; at < 20_000; at += 4093) {
      while (text.length() < at) {
        text.append('x');
      }
      expected.add("password@" + at + "-" + (at + 8));
      text.append("password");
    }
    text.append("a");
    text.append("b");
    expected.add("ab@" + (text.length() - 2) + "-" + text.length());
    assertThat(hits(k, text.toString())).containsExactlyElementsOf(expected);
  }

  @Test
  void aHitHandlerMayScanAgain() {
    Keywords outer = Keywords.of("key");
    Keywords inner = Keywords.of("pass", "word");
    String text = "key: password, key: wordpass " + "x".repeat(5000) + " key: pass";
    List<String> found = new ArrayList<>();
    outer.scan(text, 0, text.length(), (i, s, e) -> {
      found.add("key@" + s);
      inner.scan(text, e, Math.min(text.length(), e + 30), (j, s2, e2) -> found.add(inner.keyword(j) + "@" + s2));
    });
    assertThat(found).containsExactly("key@0", "pass@5", "word@9", "word@20", "pass@24", "key@15", "word@20",
        "pass@24", "key@5030", "pass@5035");
  }

  private static List<String> naive(Keywords k, String text, int from, int to) {
    List<String> out = new ArrayList<>();
    for (int i = 0; i < k.size(); i++) {
      String w = k.keyword(i);
      for (int s = from; s + w.length() <= to; s++) {
        int e = s + w.length();
        if (!asciiEqualsIgnoreCase(text, s, w)) {
          continue;
        }
        boolean leftOk = s == 0 || !Character.isLetterOrDigit(text.charAt(s - 1));
        boolean rightOk = e == text.length() || !Character.isLetterOrDigit(text.charAt(e));
        Boundary bd = k.boundary(i);
        if ((bd == Boundary.NONE) || (bd == Boundary.WORD_START && leftOk)
            || (bd == Boundary.WHOLE_WORD && leftOk && rightOk)) {
          out.add(w + "@" + s + "-" + e);
        }
      }
    }
    return out;
  }

  private static boolean asciiEqualsIgnoreCase(String text, int at, String word) {
    for (int j = 0; j < word.length(); j++) {
      char c = text.charAt(at + j);
      if (c >= 128 || Character.toLowerCase(c) != Character.toLowerCase(word.charAt(j))) {
        return false;
      }
    }
    return true;
  }

  private static List<String> sorted(List<String> l) {
    List<String> copy = new ArrayList<>(l);
    copy.sort(null);
    return copy;
  }

  @Provide
  Arbitrary<List<String>> keywordSets() {
    // A small alphabet makes overlaps, shared prefixes and suffix chains frequent.
    return Arbitraries.strings().withChars("abAB_-1 ").ofMinLength(1).ofMaxLength(5)
        .list().ofMinSize(1).ofMaxSize(8);
  }

  @Provide
  Arbitrary<List<Boundary>> boundaries() {
    return Arbitraries.of(Boundary.class).list().ofMinSize(1).ofMaxSize(3);
  }

  @Provide
  Arbitrary<List<String>> printableKeywordSets() {
    return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(4).list().ofMinSize(1)
        .ofMaxSize(30);
  }

  @Provide
  Arbitrary<String> printableTexts() {
    return Arbitraries.strings().withCharRange(' ', '~').ofMaxLength(400);
  }

  @Provide
  Arbitrary<String> longTexts() {
    return Arbitraries.strings().withChars("abAB_-1 xé").ofMinLength(4000).ofMaxLength(9000);
  }

  @Provide
  Arbitrary<String> texts() {
    Arbitrary<String> small = Arbitraries.strings().withChars("abAB_-1 xé\uD83D\u0000").ofMaxLength(60);
    Arbitrary<String> any = Arbitraries.strings().ofMaxLength(20);
    return Combinators.combine(small, any).as((a, b) -> a + b + a.toUpperCase(Locale.ROOT));
  }
}
