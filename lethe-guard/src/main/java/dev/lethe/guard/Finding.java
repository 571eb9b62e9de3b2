package dev.lethe.guard;

import dev.lethe.filter.Label;
import dev.lethe.filter.Span;
import java.util.Objects;

/**
 * One piece of private data the guard found in an answer.
 *
 * @param label      what kind of information it is
 * @param subtype    the detector's finer type, {@code suppressed} for an entry of the suppression list, or null
 * @param start      first char, a UTF-16 index into the whole answer (JSON outputs convert to code points)
 * @param end        end, exclusive
 * @param score      the filter's confidence; 1 for the suppression list
 */
public record Finding(Label label, String subtype, int start, int end, double score) {
  public Finding {
    Objects.requireNonNull(label, "label");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad finding bounds [" + start + ", " + end + ")");
    }
  }

  static Finding of(Span s) {
    return new Finding(s.label(), s.subtype(), s.start(), s.end(), s.score());
  }

  /** Whether it is an entry of the suppression list ("remove my data from outputs"). */
  public boolean suppressed() {
    return Suppressions.SUPPRESSED.equals(subtype);
  }
}
