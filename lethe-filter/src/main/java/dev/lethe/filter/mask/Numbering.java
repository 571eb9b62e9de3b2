package dev.lethe.filter.mask;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Numbers the values of each label in order of first appearance, {@code <PRIVATE_PERSON_1>}, {@code
 * <PRIVATE_PERSON_2>}, ...: the numbered and reversible styles. A number whose placeholder the text already
 * contains outside the spans is skipped, so that a placeholder in the output always stands for one value.
 */
final class Numbering {
  /** A numbered placeholder of any label, as written by {@link #placeholder}. */
  static final Pattern PLACEHOLDER = Pattern.compile("<("
      + Arrays.stream(Label.values()).map(Label::name).collect(Collectors.joining("|")) + ")_([1-9][0-9]{0,8})>");

  private final Map<Label, Map<String, Integer>> numbers = new EnumMap<>(Label.class);
  private final Map<Label, Integer> last = new EnumMap<>(Label.class);
  private final Set<String> taken;

  /** @param taken placeholders that must not be handed out, see {@link #literalPlaceholders} */
  Numbering(Set<String> taken) {
    this.taken = taken;
  }

  static String placeholder(Label label, int number) {
    return "<" + label.name() + "_" + number + ">";
  }

  /** Records that {@code value} of {@code label} already has {@code number}, as in an earlier message. */
  void assign(Label label, String value, int number) {
    numbers.computeIfAbsent(label, l -> new HashMap<>()).put(value, number);
    last.merge(label, number, Math::max);
  }

  /** The number of {@code value}: its earlier number, or the next free one. */
  int number(Label label, String value) {
    Map<String, Integer> ofLabel = numbers.computeIfAbsent(label, l -> new HashMap<>());
    Integer known = ofLabel.get(value);
    if (known != null) {
      return known;
    }
    int n = last.getOrDefault(label, 0) + 1;
    while (taken.contains(placeholder(label, n))) {
      n++;
    }
    ofLabel.put(value, n);
    last.put(label, n);
    return n;
  }

  /** Whether {@code value} of {@code label} has a number. */
  boolean has(Label label, String value) {
    Map<String, Integer> ofLabel = numbers.get(label);
    return ofLabel != null && ofLabel.containsKey(value);
  }

  /**
   * The placeholders written in {@code text} outside {@code spans} (sorted, disjoint). A placeholder holds a
   * single {@code <}, its first character, so none can straddle a replaced span: these are all the
   * placeholders of the masked text that a masker did not write.
   */
  static Set<String> literalPlaceholders(String text, List<Span> spans) {
    Set<String> found = new HashSet<>();
    Matcher m = PLACEHOLDER.matcher(text);
    int next = 0;
    while (m.find()) {
      while (next < spans.size() && spans.get(next).end() <= m.start()) {
        next++;
      }
      if (next == spans.size() || spans.get(next).start() >= m.end()) {
        found.add(m.group());
      }
    }
    return found;
  }
}
