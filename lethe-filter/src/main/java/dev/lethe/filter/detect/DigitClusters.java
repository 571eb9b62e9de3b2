package dev.lethe.filter.detect;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds clusters of digits joined by the separators people put inside numbers (space, hyphen, dot, slash,
 * parentheses, non-breaking space, en dash). Phone and account detectors look only at these clusters, so
 * text without digits costs one char comparison per char.
 */
final class DigitClusters {
  private DigitClusters() {}

  /** Receives one cluster: [start, end) in the text and the number of digits in it. */
  interface Sink {
    void cluster(int start, int end, int digits);
  }

  /** Reports every cluster with at least {@code minDigits} digits. */
  static void scan(String text, int minDigits, Sink sink) {
    int n = text.length();
    int i = 0;
    while (i < n) {
      if (!Context.isAsciiDigit(text.charAt(i))) {
        i++;
        continue;
      }
      int start = i;
      int digits = 0;
      int lastDigit = i;
      int j = i;
      while (j < n) {
        char c = text.charAt(j);
        if (Context.isAsciiDigit(c)) {
          digits++;
          lastDigit = j;
          j++;
        } else if (isSeparator(c) && j - lastDigit <= 3) {
          j++;
        } else {
          break;
        }
      }
      int end = lastDigit + 1;
      if (end < n && text.charAt(end) == ')') {
        end++; // "(0)" closing a trunk prefix, or a whole number in parentheses
      }
      if (digits >= minDigits) {
        sink.cluster(start, end, digits);
      }
      i = end;
    }
  }

  /**
   * The groups of {@code s[from, to)} between any of the {@code gaps} characters, as {@code [start, end)}
   * pairs in order, empty groups left out: "4539 1488" gives [0, 4) and [5, 9).
   */
  static List<int[]> groups(String s, int from, int to, String gaps) {
    List<int[]> groups = new ArrayList<>();
    int g = from;
    for (int i = from; i <= to; i++) {
      if (i == to || gaps.indexOf(s.charAt(i)) >= 0) {
        if (i > g) {
          groups.add(new int[] {g, i});
        }
        g = i + 1;
      }
    }
    return groups;
  }

  static boolean isSeparator(char c) {
    return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '\u00a0'
        || c == '\u2013' || c == '\u2011' || c == '\u202f';
  }
}
