package dev.lethe.train.synth;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A text template: literal prose, slots {@code ⟦p1.first⟧} that a {@link Scene} fills with values (and spans),
 * and alternatives {@code ⟪a|b|⟫} of which one is chosen at random (an empty one makes the group optional).
 * Alternatives nest and may contain slots. The delimiters were chosen because they never occur in the text
 * the templates imitate (JSON braces, markdown brackets, shell pipes do).
 *
 * @param name   file and position, for error messages and the summary
 * @param header {@code @key=value} settings from the template's first line (genre, country, style, tags)
 */
record Template(String name, Map<String, String> header, List<Node> body) {

  sealed interface Node permits Lit, Slot, Alt {}

  record Lit(String text) implements Node {}

  record Slot(String name, String arg) implements Node {}

  record Alt(List<List<Node>> options) implements Node {}

  static final char SLOT_OPEN = '⟦';
  static final char SLOT_CLOSE = '⟧';
  static final char ALT_OPEN = '⟪';
  static final char ALT_CLOSE = '⟫';

  static Template parse(String name, Map<String, String> header, String source) {
    int[] pos = {0};
    List<Node> body = sequence(name, source, pos, false);
    if (pos[0] != source.length()) {
      throw new IllegalArgumentException(name + ": unexpected '" + source.charAt(pos[0]) + "' at " + pos[0]);
    }
    return new Template(name, Map.copyOf(header), List.copyOf(body));
  }

  private static List<Node> sequence(String name, String s, int[] pos, boolean inAlt) {
    List<Node> nodes = new ArrayList<>();
    StringBuilder lit = new StringBuilder();
    while (pos[0] < s.length()) {
      char c = s.charAt(pos[0]);
      if (inAlt && (c == '|' || c == ALT_CLOSE)) {
        break;
      }
      if (c == ALT_CLOSE || c == SLOT_CLOSE) {
        throw new IllegalArgumentException(name + ": unbalanced '" + c + "' at " + pos[0]);
      }
      if (c == SLOT_OPEN || c == ALT_OPEN) {
        if (lit.length() > 0) {
          nodes.add(new Lit(lit.toString()));
          lit.setLength(0);
        }
        nodes.add(c == SLOT_OPEN ? slot(name, s, pos) : alt(name, s, pos));
        continue;
      }
      lit.append(c);
      pos[0]++;
    }
    if (lit.length() > 0) {
      nodes.add(new Lit(lit.toString()));
    }
    return nodes;
  }

  private static Slot slot(String name, String s, int[] pos) {
    int end = s.indexOf(SLOT_CLOSE, pos[0]);
    if (end < 0) {
      throw new IllegalArgumentException(name + ": slot opened at " + pos[0] + " is never closed");
    }
    String inner = s.substring(pos[0] + 1, end).strip();
    pos[0] = end + 1;
    int colon = inner.indexOf(':');
    return colon < 0 ? new Slot(inner, null) : new Slot(inner.substring(0, colon), inner.substring(colon + 1));
  }

  private static Alt alt(String name, String s, int[] pos) {
    int open = pos[0];
    pos[0]++;
    List<List<Node>> options = new ArrayList<>();
    while (true) {
      options.add(List.copyOf(sequence(name, s, pos, true)));
      if (pos[0] >= s.length()) {
        throw new IllegalArgumentException(name + ": alternative opened at " + open + " is never closed");
      }
      char c = s.charAt(pos[0]++);
      if (c == ALT_CLOSE) {
        return new Alt(List.copyOf(options));
      }
    }
  }

  /** Every slot name used anywhere in the template, alternatives included. */
  List<Slot> slots() {
    List<Slot> out = new ArrayList<>();
    collect(body, out);
    return out;
  }

  private static void collect(List<Node> nodes, List<Slot> out) {
    for (Node n : nodes) {
      if (n instanceof Slot s) {
        out.add(s);
      } else if (n instanceof Alt a) {
        a.options().forEach(o -> collect(o, out));
      }
    }
  }
}
