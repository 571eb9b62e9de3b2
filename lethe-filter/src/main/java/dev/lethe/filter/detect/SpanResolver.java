package dev.lethe.filter.detect;

import dev.lethe.filter.Span;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The one rule that turns overlapping candidates into a clean span list: <b>the longer span wins, then
 * the higher score, then the earlier start</b>. Candidates reach the resolver only after the operating
 * point's threshold, so every one of them is already validated; among validated readings the longer one
 * explains more of the text ("+1 647-555-0193" as a phone beats "647-555-0193" as an account number, a
 * whole connection string beats the host inside it).
 *
 * <p>The result is sorted by start and has no overlaps.
 */
public final class SpanResolver {
  private static final Comparator<Span> PRIORITY = Comparator.comparingInt(Span::length).reversed()
      .thenComparing(Comparator.comparingDouble(Span::score).reversed())
      .thenComparingInt(Span::start)
      .thenComparing(Span::label);

  private SpanResolver() {}

  public static List<Span> resolve(List<Span> candidates) {
    if (candidates.isEmpty()) {
      return List.of();
    }
    List<Span> byPriority = new ArrayList<>(candidates);
    byPriority.sort(PRIORITY);
    // kept spans by start: the neighbours of a candidate are its floor and ceiling, O(log n) each
    java.util.TreeMap<Integer, Span> kept = new java.util.TreeMap<>();
    for (Span c : byPriority) {
      java.util.Map.Entry<Integer, Span> before = kept.floorEntry(c.start());
      java.util.Map.Entry<Integer, Span> after = kept.ceilingEntry(c.start());
      boolean clash = before != null && before.getValue().end() > c.start()
          || after != null && after.getKey() < c.end();
      if (!clash) {
        kept.put(c.start(), c);
      }
    }
    return List.copyOf(kept.values());
  }
}
