package dev.lethe.filter.tagger;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Document-level consistency for names: a capitalised word tagged as part of a person's name somewhere in
 * a text is a name wherever else it occurs in that text ("Marc Pearl, vice-president ... Pearl said"). The
 * CRF sees one window at a time and may miss the later, context-poor mention; this pass adds it with the
 * score of the mention it echoes. Only confident mentions (at the operating point's person threshold) are
 * echoed, and only words of three or more letters that are not function words or titles, and not common
 * dictionary words unless they are also known names, so "Will" tagged once does not turn every "Will" into a
 * name while "Pearl" still echoes.
 */
final class NameEchoes {
  private static final int FUNCTION = 1 << Lexicon.CLASSES.indexOf("function");
  private static final int TITLE = 1 << Lexicon.CLASSES.indexOf("title");

  private NameEchoes() {}

  /**
   * Adds to {@code out} a person span for every run of echoed words not already inside a span of
   * {@code out} (from index {@code from} on) or of {@code found}.
   */
  static void add(String text, List<Span> found, List<Span> out, int from, double threshold, Lexicon lex) {
    Map<String, Double> names = new HashMap<>();
    for (int i = from; i < out.size(); i++) {
      Span s = out.get(i);
      if (s.label() != Label.PRIVATE_PERSON || s.score() < threshold || "public_figure".equals(s.subtype())) {
        continue;
      }
      Tokens t = Tokens.of(text, s.start(), s.end());
      for (int k = 0; k < t.size(); k++) {
        String w = text.substring(t.start(k), t.end(k));
        if (echoable(w, lex)) {
          names.merge(w, s.score(), Math::max);
        }
      }
    }
    if (names.isEmpty()) {
      return;
    }
    List<Span> taken = new ArrayList<>(out.subList(from, out.size()));
    taken.addAll(found);
    Tokens t = Tokens.of(text, 0, text.length());
    List<Span> echoes = new ArrayList<>();
    for (int k = 0; k < t.size(); k++) {
      if (!Character.isUpperCase(text.charAt(t.start(k)))) {
        continue;
      }
      Double score = names.get(text.substring(t.start(k), t.end(k)));
      if (score == null || overlaps(taken, t.start(k), t.end(k))) {
        continue;
      }
      int last = k;
      while (last + 1 < t.size() && !t.newlineBefore(last + 1) && t.start(last + 1) > t.end(last)
          && names.containsKey(text.substring(t.start(last + 1), t.end(last + 1)))
          && !overlaps(taken, t.start(last + 1), t.end(last + 1))) {
        last++;
        score = Math.min(score, names.get(text.substring(t.start(last), t.end(last))));
      }
      echoes.add(new Span(Label.PRIVATE_PERSON, null, t.start(k), t.end(last), score, Tagger.NAME));
      k = last;
    }
    out.addAll(echoes);
  }

  private static boolean echoable(String w, Lexicon lex) {
    if (w.length() < 3 || !Character.isUpperCase(w.charAt(0)) || !w.chars().allMatch(Character::isLetter)) {
      return false;
    }
    long h = Hash.of(w);
    return (lex.classes(h) & (FUNCTION | TITLE)) == 0
        && (lex.dictionary(h) < 3 || lex.firstName(h) > 0 || lex.lastName(h) > 0);
  }

  private static boolean overlaps(List<Span> spans, int start, int end) {
    for (Span s : spans) {
      if (s.start() < end && start < s.end()) {
        return true;
      }
    }
    return false;
  }
}
