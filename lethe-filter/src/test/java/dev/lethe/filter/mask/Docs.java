package dev.lethe.filter.mask;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/** Arbitrary texts with valid span sets, for the properties of every style. */
final class Docs {
  /** A text and sorted, disjoint spans inside it. */
  record Doc(String text, List<Span> spans) {
    @Override
    public String toString() {
      StringBuilder b = new StringBuilder("Doc[").append(escape(text)).append(", ");
      for (Span s : spans) {
        b.append(s.label().id()).append('[').append(s.start()).append(',').append(s.end()).append(") ");
      }
      return b.append(']').toString();
    }
  }

  private Docs() {}

  /**
   * Texts of ASCII, Latin-1, CJK, emoji (surrogate pairs), control characters, lone surrogates and literal
   * placeholders such as {@code <PRIVATE_PERSON_1>}.
   */
  static Arbitrary<String> texts() {
    Arbitrary<String> piece = Arbitraries.oneOf(
        Arbitraries.strings().alpha().numeric().withChars(" .,@-:/").ofMaxLength(12),
        Arbitraries.strings().withCharRange('\u00a0', '\u024f').ofMaxLength(6),
        Arbitraries.strings().withCharRange('\u4e00', '\u4e50').ofMaxLength(4),
        Arbitraries.of("😀", "👩‍💻", "🇪🇸", "\uD83D\uDE00x", "𝐀𝐧𝐚").list().ofMaxSize(3).map(l -> String.join("", l)),
        Arbitraries.strings().withCharRange('\u0000', '\u001f').ofMaxLength(3),
        Arbitraries.of("\uD800", "\uDC00", "\uDBFF\uDBFF"),
        Arbitraries.of("<PRIVATE_PERSON_1>", "<PRIVATE_EMAIL_2>", "<SECRET_1>", "<PRIVATE_PERSON_", "_1>", "<"));
    return piece.list().ofMaxSize(12).map(l -> String.join("", l));
  }

  /** A text and spans of any labels at any UTF-16 boundaries, even inside a surrogate pair. */
  static Arbitrary<Doc> docs() {
    return texts().flatMap(text -> {
      if (text.isEmpty()) {
        return Arbitraries.just(new Doc(text, List.of()));
      }
      Arbitrary<List<Integer>> cuts = Arbitraries.integers().between(0, text.length()).list().ofMaxSize(8);
      Arbitrary<List<Label>> labels = Arbitraries.of(Label.class).list().ofSize(8);
      return Combinators.combine(cuts, labels).as((c, l) -> new Doc(text, spans(new TreeSet<>(c), l)));
    });
  }

  /** Spans between consecutive pairs of cut points: [c0, c1), [c2, c3), ... */
  private static List<Span> spans(TreeSet<Integer> cuts, List<Label> labels) {
    List<Integer> points = new ArrayList<>(cuts);
    List<Span> spans = new ArrayList<>();
    for (int i = 0; i + 1 < points.size(); i += 2) {
      spans.add(Span.of(labels.get(spans.size()), points.get(i), points.get(i + 1), 1.0, "test"));
    }
    return spans;
  }

  static String escape(String s) {
    StringBuilder b = new StringBuilder("\"");
    s.chars().forEach(c -> b.append(c < 0x20 || c >= 0x7f ? String.format("\\u%04x", c) : String.valueOf((char) c)));
    return b.append('"').toString();
  }
}
