package dev.lethe.filter.tagger;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * Maps the CRF's raw span probability to a calibrated confidence: a monotone piecewise-linear function
 * fitted by isotonic regression on held-out spans (raw probability -> was the span right?). A calibrated
 * score of 0.8 means that about 80% of spans scored 0.8 were correct on held-out data.
 */
public final class Calibration {
  private final double[] x;
  private final double[] y;

  /** @param x increasing raw probabilities; @param y non-decreasing calibrated values in [0, 1] */
  public Calibration(double[] x, double[] y) {
    if (x.length != y.length || x.length == 0) {
      throw new IllegalArgumentException("calibration needs matching, non-empty point lists");
    }
    this.x = x.clone();
    this.y = y.clone();
  }

  /** The identity: raw probabilities are used as they are. */
  public static Calibration identity() {
    return new Calibration(new double[] {0, 1}, new double[] {0, 1});
  }

  public double apply(double raw) {
    if (raw <= x[0]) {
      return y[0];
    }
    if (raw >= x[x.length - 1]) {
      return y[y.length - 1];
    }
    int i = Arrays.binarySearch(x, raw);
    if (i >= 0) {
      return y[i];
    }
    int hi = -i - 1;
    int lo = hi - 1;
    double f = (raw - x[lo]) / (x[hi] - x[lo]);
    return y[lo] + f * (y[hi] - y[lo]);
  }

  /**
   * Fits the pool-adjacent-violators isotonic regression of {@code correct} on {@code raw}, then keeps
   * the block means as interpolation points.
   */
  public static Calibration fit(double[] raw, boolean[] correct) {
    int n = raw.length;
    if (n == 0) {
      return identity();
    }
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Double.compare(raw[a], raw[b]));
    double[] sumY = new double[n];
    double[] sumX = new double[n];
    int[] count = new int[n];
    int blocks = 0;
    for (int k = 0; k < n; k++) {
      int i = order[k];
      sumY[blocks] = correct[i] ? 1 : 0;
      sumX[blocks] = raw[i];
      count[blocks] = 1;
      blocks++;
      while (blocks > 1 && sumY[blocks - 2] / count[blocks - 2] >= sumY[blocks - 1] / count[blocks - 1]) {
        sumY[blocks - 2] += sumY[blocks - 1];
        sumX[blocks - 2] += sumX[blocks - 1];
        count[blocks - 2] += count[blocks - 1];
        blocks--;
      }
    }
    double[] xs = new double[blocks + 2];
    double[] ys = new double[blocks + 2];
    xs[0] = 0;
    ys[0] = 0;
    for (int b = 0; b < blocks; b++) {
      xs[b + 1] = sumX[b] / count[b];
      ys[b + 1] = sumY[b] / count[b];
    }
    xs[blocks + 1] = 1;
    ys[blocks + 1] = Math.max(ys[blocks], ys[blocks]);
    // strictly increasing x for interpolation
    int m = 1;
    for (int i = 1; i < xs.length; i++) {
      if (xs[i] > xs[m - 1]) {
        xs[m] = xs[i];
        ys[m] = Math.max(ys[i], ys[m - 1]);
        m++;
      }
    }
    return new Calibration(Arrays.copyOf(xs, m), Arrays.copyOf(ys, m));
  }

  void write(DataOutputStream d) throws IOException {
    d.writeInt(x.length);
    for (int i = 0; i < x.length; i++) {
      d.writeDouble(x[i]);
      d.writeDouble(y[i]);
    }
  }

  static Calibration read(DataInputStream d) throws IOException {
    int n = d.readInt();
    double[] x = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i] = d.readDouble();
      y[i] = d.readDouble();
    }
    return new Calibration(x, y);
  }
}
