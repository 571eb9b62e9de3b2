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
    // Kept spans sorted by start; overlap check by binary search keeps this O(n log n).
    List<Span> kept = new ArrayList<>();
    for (Span c : byPriority) {
      int at = insertionPoint(kept, c.start());
      boolean clash = (at > 0 && kept.get(at - 1).end() > c.start())
          || (at < kept.size() && kept.get(at).start() < c.end());
      if (!clash) {
        kept.add(at, c);
      }
    }
    return List.copyOf(kept);
  }

  private static int insertionPoint(List<Span> sorted, int start) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid).start() < start) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    return lo;
  }
}
