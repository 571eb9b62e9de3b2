package dev.lethe.filter.tagger;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

/**
 * A trained linear-chain CRF: a weight row (one weight per tag) for each known feature hash, tag
 * transition scores, the name tables of the {@link Lexicon}, the calibration of span confidences and the
 * tag bias of each operating point. Immutable once read; safe to share between threads.
 *
 * <p>File format (gzip): magic {@code LETHECRF}, version, metadata (UTF), tag count, transitions,
 * feature count, feature keys, one weight scale, weights as 16-bit integers, the lexicon tables (first
 * names, last names, dictionary words, famous people, places: hash, bucket), calibration points,
 * operating point token thresholds.
 */
public final class CrfModel {
  private static final String MAGIC = "LETHECRF";
  private static final int VERSION = 1;
  private static final int T = Tags.COUNT;

  private final String metadata;
  /** Feature slots: 32-bit fingerprint of the feature hash in the high half, weight row in the low half. */
  private final long[] slots;
  private final int slotMask;
  private final int features;
  /** The full 64-bit feature hashes in row order, kept to write the model back out. */
  private final long[] keys;
  /** Weights as 16-bit integers, {@code weight = value * scale}: small enough to stay in the CPU cache. */
  private final short[] weights;
  private final float scale;
  private final float[] transitions;
  private final double[] expTransitions;
  private final Lexicon lexicon;
  private final Calibration calibration;
  private final float[] tokenThresholds;

  public CrfModel(String metadata, long[] keys, float[] weights, float[] transitions, Lexicon lexicon,
      Calibration calibration, float[] tokenThresholds) {
    if (weights.length != keys.length * T || transitions.length != T * T || tokenThresholds.length != 3) {
      throw new IllegalArgumentException("inconsistent model dimensions");
    }
    this.metadata = metadata;
    this.features = keys.length;
    this.keys = keys.clone();
    int cap = Integer.highestOneBit(Math.max(16, keys.length * 3 / 2 - 1)) << 1;
    this.slots = new long[cap];
    this.slotMask = cap - 1;
    for (int i = 0; i < keys.length; i++) {
      int s = slot(keys[i]);
      while (slots[s] != 0) {
        if (fingerprint(slots[s]) == fingerprint(keys[i])) {
          throw new IllegalArgumentException("two features share a 32-bit fingerprint and slot chain");
        }
        s = (s + 1) & slotMask;
      }
      slots[s] = ((long) fingerprintOf(keys[i]) << 32) | i;
    }
    float max = 1e-9f;
    for (float w : weights) {
      max = Math.max(max, Math.abs(w));
    }
    this.scale = max / Short.MAX_VALUE;
    this.weights = new short[weights.length];
    for (int i = 0; i < weights.length; i++) {
      this.weights[i] = (short) Math.round(weights[i] / scale);
    }
    this.transitions = transitions;
    this.expTransitions = Lattice.expTransitions(transitions);
    this.lexicon = lexicon;
    this.calibration = calibration;
    this.tokenThresholds = tokenThresholds;
  }

  private CrfModel(CrfModel base, String metadata, Calibration calibration, float[] tokenThresholds) {
    this.metadata = metadata;
    this.slots = base.slots;
    this.slotMask = base.slotMask;
    this.features = base.features;
    this.keys = base.keys;
    this.weights = base.weights;
    this.scale = base.scale;
    this.transitions = base.transitions;
    this.expTransitions = base.expTransitions;
    this.lexicon = base.lexicon;
    this.calibration = calibration;
    this.tokenThresholds = tokenThresholds.clone();
  }

  /** The same weights with other metadata, calibration and operating point biases. */
  public CrfModel withTuning(String newMetadata, Calibration newCalibration, float[] newTokenThresholds) {
    if (newTokenThresholds.length != 3) {
      throw new IllegalArgumentException("one token threshold per operating point");
    }
    return new CrfModel(this, newMetadata, newCalibration, newTokenThresholds);
  }

  public String metadata() {
    return metadata;
  }

  public Lexicon lexicon() {
    return lexicon;
  }

  public Calibration calibration() {
    return calibration;
  }

  public int features() {
    return features;
  }

  private int slot(long key) {
    return (int) (key ^ (key >>> 31)) & slotMask;
  }

  /** The non-zero 32-bit fingerprint a slot stores for a feature hash. */
  private static int fingerprintOf(long key) {
    int f = (int) (key >>> 32);
    return f == 0 ? 1 : f;
  }

  private static int fingerprint(long slotValue) {
    return (int) (slotValue >>> 32);
  }

  /** The weight row of feature hash {@code key}, or -1 for a feature the model does not know. */
  private int row(long key) {
    int f = fingerprintOf(key);
    for (int s = slot(key); ; s = (s + 1) & slotMask) {
      long v = slots[s];
      if (v == 0) {
        return -1;
      }
      if (fingerprint(v) == f) {
        return (int) v;
      }
    }
  }

  float[] transitions() {
    return transitions;
  }

  double[] expTransitions() {
    return expTransitions;
  }

  /** The probability a token needs of being inside a label to start or extend a span at {@code point}. */
  public double tokenThreshold(dev.lethe.filter.OperatingPoint point) {
    return tokenThresholds[point.ordinal()];
  }

  /** Emission scores of every token: {@code out[i * T + tag]}. */
  public float[] emissions(Features f) {
    int n = f.tokens();
    float[] out = new float[n * T];
    int[] sum = new int[T];
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(sum, 0);
      for (int k = f.offsets[i]; k < f.offsets[i + 1]; k++) {
        int row = row(f.hashes[k]);
        if (row >= 0) {
          int w = row * T;
          for (int t = 0; t < T; t++) {
            sum[t] += weights[w + t];
          }
        }
      }
      for (int t = 0; t < T; t++) {
        out[i * T + t] = sum[t] * scale;
      }
    }
    return out;
  }

  // ---- serialization ----

  public void write(OutputStream out) throws IOException {
    try (DataOutputStream d = new DataOutputStream(new GZIPOutputStream(out, 1 << 16))) {
      d.writeUTF(MAGIC);
      d.writeInt(VERSION);
      writeLongString(d, metadata);
      d.writeInt(T);
      for (float v : transitions) {
        d.writeFloat(v);
      }
      d.writeInt(features);
      for (long k : keys) {
        d.writeLong(k);
      }
      d.writeFloat(scale);
      for (short w : weights) {
        d.writeShort(w);
      }
      for (int table = 0; table < Lexicon.TABLES; table++) {
        writeTable(d, lexicon.table(table));
      }
      calibration.write(d);
      for (float b : tokenThresholds) {
        d.writeFloat(b);
      }
    }
  }

  public static CrfModel read(InputStream in) throws IOException {
    try (DataInputStream d = new DataInputStream(new java.io.BufferedInputStream(new GZIPInputStream(in, 1 << 16), 1 << 16))) {
      if (!MAGIC.equals(d.readUTF())) {
        throw new IOException("not a Lethe tagger model");
      }
      int version = d.readInt();
      if (version != VERSION) {
        throw new IOException("tagger model version " + version + " is not supported (expected " + VERSION + ")");
      }
      String meta = readLongString(d);
      if (d.readInt() != T) {
        throw new IOException("tagger model has a different tag set");
      }
      float[] trans = new float[T * T];
      for (int i = 0; i < trans.length; i++) {
        trans[i] = d.readFloat();
      }
      int n = d.readInt();
      long[] keys = new long[n];
      for (int i = 0; i < n; i++) {
        keys[i] = d.readLong();
      }
      float scale = d.readFloat();
      float[] w = new float[n * T];
      for (int i = 0; i < w.length; i++) {
        w[i] = d.readShort() * scale;
      }
      LongIntMap[] tables = new LongIntMap[Lexicon.TABLES];
      for (int table = 0; table < Lexicon.TABLES; table++) {
        tables[table] = readTable(d);
      }
      Calibration cal = Calibration.read(d);
      float[] bias = {d.readFloat(), d.readFloat(), d.readFloat()};
      return new CrfModel(meta, keys, w, trans, new Lexicon(Lexicon.wordClasses(), tables), cal, bias);
    }
  }

  private static void writeTable(DataOutputStream d, LongIntMap table) throws IOException {
    long[] keys = table.keys();
    d.writeInt(keys.length);
    for (long k : keys) {
      d.writeLong(k);
      d.writeByte(table.get(k, 0));
    }
  }

  private static LongIntMap readTable(DataInputStream d) throws IOException {
    int n = d.readInt();
    LongIntMap m = new LongIntMap(n);
    for (int i = 0; i < n; i++) {
      m.put(d.readLong(), d.readByte());
    }
    return m;
  }

  private static void writeLongString(DataOutputStream d, String s) throws IOException {
    byte[] b = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    d.writeInt(b.length);
    d.write(b);
  }

  private static String readLongString(DataInputStream d) throws IOException {
    byte[] b = new byte[d.readInt()];
    d.readFully(b);
    return new String(b, java.nio.charset.StandardCharsets.UTF_8);
  }
}
