package dev.lethe.filter.eval;

import dev.lethe.filter.CodePoints;
import dev.lethe.filter.Label;
import dev.lethe.filter.io.LabeledText;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The metrics of CONVENTIONS.md, computed exactly as {@code shared/eval/score.py} computes them: offsets
 * in code points, "space" as Python's {@code str.isspace}, predictions touching an ignore region dropped
 * first, and ratios rounded half-even to four decimals.
 */
public final class Scorer {
  private Scorer() {}

  /** A predicted or gold span in code points. */
  public record CpSpan(String label, int start, int end) {}

  /**
   * Scores {@code predictions} (document id to spans in code points; a missing id means no prediction)
   * against {@code gold}. When {@code labels} is not null, gold spans of other labels become ignore regions.
   */
  public static EvalReport score(List<LabeledText> gold, Map<String, List<CpSpan>> predictions, Set<String> labels) {
    Map<String, long[]> byLabel = new TreeMap<>(); // label -> tp_pred, n_pred, tp_gold, n_gold
    long[] contain = new long[4];
    long coveredGold = 0;
    long goldChars = 0;
    long predChars = 0;
    long maskedNonPii = 0;
    long nonPii = 0;
    int docsLeaking = 0;
    int missing = 0;
    for (LabeledText doc : gold) {
      CodePoints cp = CodePoints.of(doc.text());
      int[] chars = doc.text().codePoints().toArray();
      List<CpSpan> gs = new ArrayList<>();
      List<int[]> ign = new ArrayList<>();
      for (LabeledText.Region r : doc.ignore()) {
        ign.add(new int[] {cp.toCodePoint(r.start()), cp.toCodePoint(r.end())});
      }
      for (LabeledText.Gold g : doc.spans()) {
        CpSpan s = new CpSpan(g.label().id(), cp.toCodePoint(g.start()), cp.toCodePoint(g.end()));
        if (labels != null && !labels.contains(s.label())) {
          ign.add(new int[] {s.start(), s.end()});
        } else {
          gs.add(s);
        }
      }
      List<CpSpan> raw = predictions.get(doc.id());
      if (raw == null) {
        missing++;
        raw = List.of();
      }
      List<CpSpan> ps = new ArrayList<>();
      for (CpSpan p : raw) {
        boolean touches = false;
        for (int[] r : ign) {
          if (p.start() < r[1] && r[0] < p.end()) {
            touches = true;
            break;
          }
        }
        if (!touches) {
          ps.add(p);
        }
      }
      Set<CpSpan> gset = new HashSet<>(gs);
      Set<CpSpan> pset = new HashSet<>(ps);
      for (CpSpan p : ps) {
        long[] c = byLabel.computeIfAbsent(p.label(), k -> new long[4]);
        c[1]++;
        if (gset.contains(p)) {
          c[0]++;
        }
      }
      for (CpSpan g : gs) {
        long[] c = byLabel.computeIfAbsent(g.label(), k -> new long[4]);
        c[3]++;
        if (pset.contains(g)) {
          c[2]++;
        }
      }
      contain[1] += ps.size();
      contain[3] += gs.size();
      for (CpSpan p : ps) {
        if (gs.stream().anyMatch(g -> g.start() <= p.start() && p.end() <= g.end())) {
          contain[0]++;
        }
      }
      for (CpSpan g : gs) {
        if (ps.stream().anyMatch(p -> p.start() <= g.start() && g.end() <= p.end())) {
          contain[2]++;
        }
      }
      int n = chars.length;
      boolean[] gmask = new boolean[n];
      boolean[] pmask = new boolean[n];
      boolean[] imask = new boolean[n];
      for (CpSpan g : gs) {
        fill(gmask, g.start(), g.end());
      }
      for (CpSpan p : ps) {
        fill(pmask, Math.max(0, p.start()), Math.min(n, p.end()));
      }
      for (int[] r : ign) {
        fill(imask, r[0], r[1]);
      }
      boolean leak = false;
      for (int i = 0; i < n; i++) {
        if (isPythonSpace(chars[i])) {
          continue;
        }
        if (gmask[i]) {
          goldChars++;
          if (pmask[i]) {
            coveredGold++;
          } else {
            leak = true;
          }
        } else if (!imask[i]) {
          nonPii++;
          if (pmask[i]) {
            maskedNonPii++;
          }
        }
        if (pmask[i] && !imask[i]) {
          predChars++;
        }
      }
      if (leak) {
        docsLeaking++;
      }
    }
    long[] tot = new long[4];
    Map<String, Prf> exactByLabel = new TreeMap<>();
    for (Map.Entry<String, long[]> e : byLabel.entrySet()) {
      long[] v = e.getValue();
      for (int i = 0; i < 4; i++) {
        tot[i] += v[i];
      }
      exactByLabel.put(e.getKey(), Prf.of(v[0], v[1], v[2], v[3]));
    }
    double charP = predChars == 0 ? 1.0 : (double) coveredGold / predChars;
    double charR = goldChars == 0 ? 1.0 : (double) coveredGold / goldChars;
    double charF = charP + charR == 0 ? 0.0 : 2 * charP * charR / (charP + charR);
    return new EvalReport(gold.size(), missing, Prf.of(tot[0], tot[1], tot[2], tot[3]), exactByLabel,
        Prf.of(contain[0], contain[1], contain[2], contain[3]),
        Prf.round4(charP), Prf.round4(charR), Prf.round4(charF), Prf.round4(1 - charR),
        nonPii == 0 ? 0.0 : Prf.round4((double) maskedNonPii / nonPii),
        gold.isEmpty() ? 0.0 : Prf.round4((double) docsLeaking / gold.size()));
  }

  private static void fill(boolean[] mask, int from, int to) {
    for (int i = Math.max(0, from); i < Math.min(mask.length, to); i++) {
      mask[i] = true;
    }
  }

  /**
   * Python's {@code str.isspace}: Unicode general category Zs, or bidirectional class WS, B or S. Java's
   * {@code Character.isWhitespace} differs (it excludes no-break spaces), so the rule is spelled out.
   */
  static boolean isPythonSpace(int c) {
    if (Character.getType(c) == Character.SPACE_SEPARATOR) {
      return true;
    }
    byte d = Character.getDirectionality(c);
    return d == Character.DIRECTIONALITY_WHITESPACE || d == Character.DIRECTIONALITY_PARAGRAPH_SEPARATOR
        || d == Character.DIRECTIONALITY_SEGMENT_SEPARATOR;
  }

  /** All label ids, for callers that want every label scored. */
  public static Set<String> allLabels() {
    Set<String> s = new HashSet<>();
    for (Label l : Label.values()) {
      s.add(l.id());
    }
    return s;
  }
}
