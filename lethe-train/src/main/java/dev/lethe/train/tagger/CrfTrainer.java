package dev.lethe.train.tagger;

import dev.lethe.filter.tagger.Lattice;
import dev.lethe.filter.tagger.Tags;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Consumer;

/**
 * Trains a linear-chain CRF by stochastic gradient ascent with AdaGrad step sizes and L2 regularisation,
 * on partially annotated documents: the objective of each document is log Z(allowed paths) - log Z(all
 * paths), whose gradient is the difference of tag marginals with and without the document's tag masks.
 * Single-threaded and seeded, so the same examples give the same model.
 */
final class CrfTrainer {
  private static final int T = Tags.COUNT;
  private final int rows;
  final float[] weights;
  final float[] transitions = new float[T * T];
  private final float[] gradSq;
  private final float[] transGradSq = new float[T * T];
  private final float rate;
  private final float l2;
  private final float wordDropout;
  private Random dropout;

  /**
   * @param wordDropout probability with which a token's own-word features (word, affixes, bigrams) are
   *                    hidden in one visit, so the model learns to rely on context, shape and lexicons too
   */
  CrfTrainer(int rows, float rate, float l2, float wordDropout) {
    this.rows = rows;
    this.weights = new float[rows * T];
    this.gradSq = new float[rows * T];
    this.rate = rate;
    this.l2 = l2;
    this.wordDropout = wordDropout;
  }

  /** Runs {@code epochs} passes in a seeded random order; reports each epoch's mean log-likelihood. */
  void train(List<Example> examples, int epochs, long seed, Consumer<String> progress) {
    List<Example> order = new ArrayList<>(examples);
    Random random = new Random(seed);
    dropout = new Random(seed ^ 0x5DEECE66DL);
    for (int epoch = 1; epoch <= epochs; epoch++) {
      Collections.shuffle(order, random);
      double ll = 0;
      long tokens = 0;
      int skipped = 0;
      long started = System.nanoTime();
      for (Example ex : order) {
        try {
          ll += step(ex);
          tokens += ex.tokens();
        } catch (IllegalArgumentException contradictory) {
          skipped++; // annotation no legal BIOES path satisfies: nothing to learn from it
        }
      }
      progress.accept(String.format(java.util.Locale.ROOT,
          "epoch %d: log-likelihood per token %.4f, %,d tokens, %d skipped, %.1f s", epoch,
          ll / Math.max(1, tokens), tokens, skipped, (System.nanoTime() - started) / 1e9));
    }
  }

  /** One gradient step on one document; returns its log-likelihood. */
  private double step(Example ex) {
    int n = ex.tokens();
    if (n == 0) {
      return 0;
    }
    float[] emit = new float[n * T];
    boolean[] hidden = new boolean[n];
    for (int i = 0; i < n; i++) {
      hidden[i] = wordDropout > 0 && dropout.nextFloat() < wordDropout;
      for (int k = ex.offsets()[i]; k < ex.offsets()[i + 1]; k++) {
        if (hidden[i] && ex.identity()[k]) {
          continue;
        }
        int w = ex.rows()[k] * T;
        for (int t = 0; t < T; t++) {
          emit[i * T + t] += weights[w + t];
        }
      }
    }
    double[] expTrans = Lattice.expTransitions(transitions);
    Lattice all = new Lattice(emit, 0, n, expTrans, null);
    Lattice allowed = new Lattice(emit, 0, n, expTrans, ex.allowed());
    double[] g = new double[T];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < T; t++) {
        g[t] = allowed.marginal(i, t) - all.marginal(i, t);
      }
      for (int k = ex.offsets()[i]; k < ex.offsets()[i + 1]; k++) {
        if (hidden[i] && ex.identity()[k]) {
          continue;
        }
        int w = ex.rows()[k] * T;
        for (int t = 0; t < T; t++) {
          update(weights, gradSq, w + t, g[t]);
        }
      }
    }
    double[] tg = new double[T * T];
    for (int i = 1; i < n; i++) {
      for (int a = 0; a < T; a++) {
        for (int b = 0; b < T; b++) {
          if (Tags.legal(a, b)) {
            tg[a * T + b] += allowed.pairMarginal(i, a, b) - all.pairMarginal(i, a, b);
          }
        }
      }
    }
    for (int p = 0; p < T * T; p++) {
      if (tg[p] != 0) {
        update(transitions, transGradSq, p, tg[p]);
      }
    }
    return allowed.logZ() - all.logZ();
  }

  private void update(float[] w, float[] sq, int p, double grad) {
    double gr = grad - l2 * w[p];
    if (gr == 0) {
      return;
    }
    sq[p] += (float) (gr * gr);
    w[p] += (float) (rate * gr / Math.sqrt(sq[p] + 1e-6));
  }

  int rows() {
    return rows;
  }
}
