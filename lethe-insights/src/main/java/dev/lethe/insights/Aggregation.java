package dev.lethe.insights;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Contribution bounding and the exact (pre-noise) cells of a release: each user counts once in at most
 * {@code maxPartitions} cells and adds at most {@code maxRowsPerCell} conversations to each, whatever they
 * wrote. This is what bounds the sensitivity the noise is scaled to: adding or removing one user changes at
 * most {@code maxPartitions} cells, each user count by 1 and each conversation count by at most
 * {@code maxRowsPerCell}.
 *
 * <p>A user over the cell limit keeps the cells that come first in an order keyed by HMAC-SHA256 under a fresh
 * random salt per release: a uniformly random subset, chosen for each user independently of every other user.
 */
final class Aggregation {
  /** Exact counts of one cell after bounding. */
  record Cell(long users, long conversations) {}

  private Aggregation() {}

  /** The bounded cells, keyed by the values of the query's dimensions in order, sorted. */
  static TreeMap<List<String>, Cell> bounded(List<ConversationFacts> facts, InsightQuery q, byte[] salt) {
    Map<String, Map<List<String>, Integer>> byUser = new HashMap<>();
    for (ConversationFacts f : facts) {
      Map<List<String>, Integer> mine = byUser.computeIfAbsent(f.userId(), u -> new HashMap<>());
      for (List<String> key : keys(f, q.dimensions())) {
        mine.merge(key, 1, Integer::sum);
      }
    }
    Mac mac = mac(salt);
    TreeMap<List<String>, long[]> sums = new TreeMap<>(KEY_ORDER);
    byUser.forEach((user, cells) -> {
      List<List<String>> kept = new ArrayList<>(cells.keySet());
      if (kept.size() > q.maxPartitions()) {
        Map<List<String>, String> rank = new HashMap<>();
        for (List<String> k : kept) {
          rank.put(k, java.util.HexFormat.of().formatHex(mac.doFinal((user + '\u0000' + String.join("\u0000", k))
              .getBytes(StandardCharsets.UTF_8))));
        }
        kept.sort(Comparator.comparing(rank::get));
        kept = kept.subList(0, q.maxPartitions());
      }
      for (List<String> k : kept) {
        long[] s = sums.computeIfAbsent(k, x -> new long[2]);
        s[0]++;
        s[1] += Math.min(cells.get(k), q.maxRowsPerCell());
      }
    });
    TreeMap<List<String>, Cell> out = new TreeMap<>(KEY_ORDER);
    sums.forEach((k, s) -> out.put(k, new Cell(s[0], s[1])));
    return out;
  }

  static final Comparator<List<String>> KEY_ORDER = (a, b) -> {
    for (int i = 0; i < Math.min(a.size(), b.size()); i++) {
      int c = a.get(i).compareTo(b.get(i));
      if (c != 0) {
        return c;
      }
    }
    return Integer.compare(a.size(), b.size());
  };

  /** Every combination of the conversation's values of {@code dims} (several only when it has several features). */
  static List<List<String>> keys(ConversationFacts f, List<Dimension> dims) {
    List<List<String>> out = new ArrayList<>();
    out.add(List.of());
    for (Dimension d : dims) {
      List<List<String>> next = new ArrayList<>();
      for (List<String> prefix : out) {
        for (String v : f.values().get(d)) {
          List<String> k = new ArrayList<>(prefix);
          k.add(v);
          next.add(List.copyOf(k));
        }
      }
      out = next;
    }
    return out;
  }

  private static Mac mac(byte[] salt) {
    try {
      Mac m = Mac.getInstance("HmacSHA256");
      m.init(new SecretKeySpec(salt, "HmacSHA256"));
      return m;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is unavailable", e);
    }
  }
}
