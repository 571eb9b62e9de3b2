package dev.lethe.filter.detect;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * Strings that users asked to be removed from model outputs ("remove my personal data" privacy
 * requests). Every occurrence is masked, whatever its case and spacing: "Ana Ruiz", "ana  ruiz" and
 * "ANARUIZ" all match the entry "Ana Ruiz". Matches must start and end on word boundaries, so the entry
 * "Ana" does not mask "Banana".
 *
 * <p>Matching works on the text with whitespace removed and letters lower-cased; entries are indexed by
 * their first three normalised chars, so the cost per char is one hash lookup whatever the number of
 * entries. Hand-written because the available Aho-Corasick libraries cannot skip whitespace inside a match.
 */
public final class SuppressionDetector implements Detector {
  static final String NAME = "suppression";
  private static final int KEY = 3;

  /** One suppressed string and the label its spans get. */
  public record Entry(String text, Label label) {
    public Entry {
      Objects.requireNonNull(text, "text");
      Objects.requireNonNull(label, "label");
      if (normalize(text).length() < KEY) {
        throw new IllegalArgumentException("suppressed string must have at least " + KEY
            + " non-space characters: '" + text + "'");
      }
    }
  }

  private final Map<String, List<String>> byPrefix = new HashMap<>();
  private final Map<String, Label> labels = new HashMap<>();

  public SuppressionDetector(List<Entry> entries) {
    for (Entry e : entries) {
      String norm = normalize(e.text());
      labels.putIfAbsent(norm, e.label());
      byPrefix.computeIfAbsent(norm.substring(0, KEY), k -> new ArrayList<>()).add(norm);
    }
    byPrefix.values().forEach(l -> l.sort((a, b) -> b.length() - a.length())); // longest entry first
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public void detect(String text, List<Span> out) {
    if (byPrefix.isEmpty()) {
      return;
    }
    // normalised text and, for each of its chars, the index of the original char
    StringBuilder norm = new StringBuilder(text.length());
    int[] origin = new int[text.length()];
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!Character.isWhitespace(c)) {
        origin[norm.length()] = i;
        norm.append(Character.toLowerCase(c));
      }
    }
    String n = norm.toString();
    for (int i = 0; i + KEY <= n.length(); i++) {
      List<String> candidates = byPrefix.get(n.substring(i, i + KEY));
      if (candidates == null) {
        continue;
      }
      for (String entry : candidates) {
        if (n.startsWith(entry, i)) {
          int start = origin[i];
          int end = origin[i + entry.length() - 1] + 1;
          if (Context.boundaryBefore(text, start) && Context.boundaryAfter(text, end)) {
            out.add(new Span(labels.get(entry), "suppressed", start, end, 1.0, NAME));
            break;
          }
        }
      }
    }
  }

  static String normalize(String s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!Character.isWhitespace(c)) {
        b.append(Character.toLowerCase(c));
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }
}
