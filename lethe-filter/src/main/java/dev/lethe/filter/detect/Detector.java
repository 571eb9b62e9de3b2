package dev.lethe.filter.detect;

import dev.lethe.filter.Span;
import java.util.List;

/**
 * Finds candidate spans of one or more labels in a text.
 *
 * <p>A detector reports every candidate it has evidence for, each with a score in [0, 1], and leaves the
 * choice to the caller: {@link dev.lethe.filter.PrivacyFilter} drops candidates below the operating
 * point's threshold and resolves overlaps with {@link SpanResolver}. Candidates of one detector may overlap.
 *
 * <p>Implementations are immutable and thread-safe: one instance serves every thread.
 */
public interface Detector {

  /** A short stable name, reported in {@link Span#detector()}. */
  String name();

  /** Appends the candidates found in {@code text} to {@code out}. Never throws on any input string. */
  void detect(String text, List<Span> out);
}
