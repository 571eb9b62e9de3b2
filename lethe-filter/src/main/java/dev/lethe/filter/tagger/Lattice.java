package dev.lethe.filter.tagger;

/**
 * Forward-backward over one segment of a linear-chain CRF: tag marginals, pair marginals, the log
 * partition function and the probability of any tag path over a sub-range. Only legal BIOES sequences
 * have mass ({@link Tags#legal}); an optional mask restricts the tags allowed at each position, which is
 * how training handles partial annotation (positions a dataset does not label may take any tag of the
 * labels it does not annotate).
 *
 * <p>Scaled probabilities rather than log space: one exp per emission, no log-sum-exp in the inner loop.
 */
public final class Lattice {
  private static final int T = Tags.COUNT;
  private final int n;
  private final double[] psi;   // exp(emission - rowMax), n * T
  private final double[] alpha; // scaled forward
  private final double[] beta;  // scaled backward
  private final double[] scale; // c_t
  private final double[] expTrans;
  private final double logZ;

  /**
   * @param emit   emission scores, token {@code from + i} at {@code emit[(from + i) * T + tag]}
   * @param from   first token of the segment
   * @param n      segment length (at least 1)
   * @param trans  transition scores {@code trans[a * T + b]}
   * @param mask   allowed tags per position as bit masks (bit t = tag t), or null for all
   */
  public Lattice(float[] emit, int from, int n, double[] expTrans, int[] mask) {
    this.n = n;
    this.expTrans = expTrans;
    psi = new double[n * T];
    alpha = new double[n * T];
    beta = new double[n * T];
    scale = new double[n];
    double logMax = 0;
    for (int i = 0; i < n; i++) {
      int base = (from + i) * T;
      float max = Float.NEGATIVE_INFINITY;
      for (int t = 0; t < T; t++) {
        if (allowed(mask, i, t) && emit[base + t] > max) {
          max = emit[base + t];
        }
      }
      if (max == Float.NEGATIVE_INFINITY) {
        throw new IllegalArgumentException("no tag allowed at position " + i);
      }
      logMax += max;
      for (int t = 0; t < T; t++) {
        psi[i * T + t] = allowed(mask, i, t) ? Math.exp(emit[base + t] - max) : 0;
      }
    }
    double logScale = 0;
    for (int i = 0; i < n; i++) {
      double c = 0;
      for (int t = 0; t < T; t++) {
        double a;
        if (i == 0) {
          a = Tags.legalStart(t) ? psi[t] : 0;
        } else {
          a = 0;
          int prev = (i - 1) * T;
          for (int p = 0; p < T; p++) {
            a += alpha[prev + p] * expTrans[p * T + t];
          }
          a *= psi[i * T + t];
        }
        alpha[i * T + t] = a;
        c += a;
      }
      if (i == n - 1) {
        c = 0;
        for (int t = 0; t < T; t++) {
          if (!Tags.legalEnd(t)) {
            alpha[i * T + t] = 0;
          }
          c += alpha[i * T + t];
        }
      }
      if (c <= 0) {
        throw new IllegalArgumentException("no legal tag sequence (mask contradicts BIOES) at position " + i);
      }
      scale[i] = c;
      logScale += Math.log(c);
      for (int t = 0; t < T; t++) {
        alpha[i * T + t] /= c;
      }
    }
    logZ = logScale + logMax;
    for (int t = 0; t < T; t++) {
      beta[(n - 1) * T + t] = Tags.legalEnd(t) ? 1 : 0;
    }
    for (int i = n - 2; i >= 0; i--) {
      int next = (i + 1) * T;
      for (int t = 0; t < T; t++) {
        double b = 0;
        for (int u = 0; u < T; u++) {
          b += expTrans[t * T + u] * psi[next + u] * beta[next + u];
        }
        beta[i * T + t] = b / scale[i + 1];
      }
    }
  }

  private static boolean allowed(int[] mask, int i, int t) {
    return mask == null || (mask[i] & (1 << t)) != 0;
  }

  /** exp of the transition scores, illegal transitions 0: computed once per model. */
  public static double[] expTransitions(float[] trans) {
    double[] e = new double[T * T];
    for (int a = 0; a < T; a++) {
      for (int b = 0; b < T; b++) {
        e[a * T + b] = Tags.legal(a, b) ? Math.exp(trans[a * T + b]) : 0;
      }
    }
    return e;
  }

  public double logZ() {
    return logZ;
  }

  /** P(tag at position i = t). */
  public double marginal(int i, int t) {
    return alpha[i * T + t] * beta[i * T + t];
  }

  /** P(tag at i - 1 = a and tag at i = b), for i >= 1. */
  public double pairMarginal(int i, int a, int b) {
    return alpha[(i - 1) * T + a] * expTrans[a * T + b] * psi[i * T + b] * beta[i * T + b] / scale[i];
  }

  /** Probability that positions {@code s .. s + tags.length - 1} carry exactly {@code tags}. */
  public double pathProbability(int s, int[] tags) {
    double p;
    int t0 = tags[0];
    if (s == 0) {
      p = Tags.legalStart(t0) ? psi[t0] / scale[0] : 0;
    } else {
      double in = 0;
      for (int a = 0; a < T; a++) {
        in += alpha[(s - 1) * T + a] * expTrans[a * T + t0];
      }
      p = in * psi[s * T + t0] / scale[s];
    }
    for (int k = 1; k < tags.length; k++) {
      int i = s + k;
      p *= expTrans[tags[k - 1] * T + tags[k]] * psi[i * T + tags[k]] / scale[i];
    }
    return p * beta[(s + tags.length - 1) * T + tags[tags.length - 1]];
  }
}
