package dev.lethe.insights.audit;

import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Word n-grams that occur in the documents of one user only, and in at least {@code minDocuments} of them: a
 * phrase a user repeats and nobody else writes (a signature, a project name, a pet's name) links their
 * documents together and to them. N-grams are lower-cased word runs; a placeholder of a masked span breaks a run,
 * so masked values never form n-grams. Each n-gram is kept as a 64-bit FNV-1a hash of its words (hand-written:
 * a dozen lines, no dependency): about 60 bytes of heap per distinct n-gram, collisions only merge two n-grams
 * and so can only hide a finding, never invent one. Not thread-safe.
 */
final class Ngrams {
  private static final Pattern TOKEN = Pattern.compile("<[A-Z_]+(?:_\\d+)?>|[\\p{L}\\p{N}]+");
  private static final int MULTI = -1;

  private final int n;
  private final Map<String, Integer> subjects = new HashMap<>();
  /** hash -> {subject index or MULTI, documents}. */
  private final Map<Long, int[]> seen = new HashMap<>();

  Ngrams(int n) {
    if (n < 2 || n > 8) {
      throw new IllegalArgumentException("n-gram length must be in 2..8, got " + n);
    }
    this.n = n;
  }

  /** First pass: counts the document's distinct n-grams under its subject. */
  void add(String subject, String text) {
    int s = subjects.computeIfAbsent(subject, k -> subjects.size());
    for (long h : hashes(text)) {
      int[] v = seen.get(h);
      if (v == null) {
        seen.put(h, new int[] {s, 1});
      } else {
        v[1]++;
        if (v[0] != s) {
          v[0] = MULTI;
        }
      }
    }
  }

  /** Second pass: how many of the document's n-grams only its subject uses, in at least {@code minDocuments} documents. */
  int uniqueToSubject(String text, int minDocuments) {
    int count = 0;
    for (long h : hashes(text)) {
      int[] v = seen.get(h);
      if (v != null && v[0] != MULTI && v[1] >= minDocuments) {
        count++;
      }
    }
    return count;
  }

  /** Distinct n-grams used by one subject only, in at least {@code minDocuments} documents. */
  long uniqueTotal(int minDocuments) {
    return seen.values().stream().filter(v -> v[0] != MULTI && v[1] >= minDocuments).count();
  }

  private Set<Long> hashes(String text) {
    Set<Long> out = new HashSet<>();
    long[] window = new long[n];
    int run = 0;
    Matcher m = TOKEN.matcher(text);
    while (m.find()) {
      String t = m.group();
      if (t.startsWith("<")) {
        run = 0;
        continue;
      }
      window[run % n] = fnv(t.toLowerCase(Locale.ROOT));
      run++;
      if (run >= n) {
        long h = 0xcbf29ce484222325L;
        for (int i = run - n; i < run; i++) {
          h = (h ^ window[i % n]) * 0x100000001b3L;
        }
        out.add(h);
      }
    }
    return out;
  }

  private static long fnv(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h = (h ^ s.charAt(i)) * 0x100000001b3L;
    }
    return h;
  }
}
