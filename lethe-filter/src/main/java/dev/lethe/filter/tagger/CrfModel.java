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
 * names, last names, dictionary words, famous people, places, word clusters: hash, int value), calibration points,
 * operating point token thresholds.
 */
public final class CrfModel {
  private static final String MAGIC = "LETHECRF";
  private static final int VERSION = 2;
  private static final int T = Tags.COUNT;

  private final String metadata;
  /**
   * The feature table: one 16-short slot per feature (a 32-bit fingerprint of its hash in two shorts, then
   * its 13 weights, then padding), two slots per cache line, so a feature costs one memory access.
   */
  private final short[] table;
  private final int slotMask;
  private static final int SLOT = 16;
  private final int features;
  /** The full 64-bit feature hashes in row order, kept to write the model back out. */
  private final long[] keys;
  /** Weights are 16-bit integers: {@code weight = value * scale}. */
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
    float max = 1e-9f;
    for (float w : weights) {
      max = Math.max(max, Math.abs(w));
    }
    this.scale = max / Short.MAX_VALUE;
    int cap = Integer.highestOneBit(Math.max(16, keys.length * 3 / 2 - 1)) << 1;
    this.table = new short[cap * SLOT];
    this.slotMask = cap - 1;
    for (int i = 0; i < keys.length; i++) {
      int fp = fingerprintOf(keys[i]);
      int s = slot(keys[i]);
      while (fingerprintAt(s) != 0) {
        if (fingerprintAt(s) == fp) {
          throw new IllegalArgumentException("two features share a 32-bit fingerprint and slot chain");
        }
        s = (s + 1) & slotMask;
      }
      table[s * SLOT] = (short) (fp >>> 16);
      table[s * SLOT + 1] = (short) fp;
      for (int t = 0; t < T; t++) {
        table[s * SLOT + 2 + t] = (short) Math.round(weights[i * T + t] / scale);
      }
    }
    this.transitions = transitions;
    this.expTransitions = Lattice.expTransitions(transitions);
    this.lexicon = lexicon;
    this.calibration = calibration;
    this.tokenThresholds = tokenThresholds;
  }

  private CrfModel(CrfModel base, String metadata, Calibration calibration, float[] tokenThresholds) {
    this.metadata = metadata;
    this.table = base.table;
    this.slotMask = base.slotMask;
    this.features = base.features;
    this.keys = base.keys;
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

  private int fingerprintAt(int s) {
    return (table[s * SLOT] << 16) | (table[s * SLOT + 1] & 0xffff);
  }

  /** Where the weights of feature hash {@code key} start in the table, or -1 for an unknown feature. */
  private int row(long key) {
    int f = fingerprintOf(key);
    for (int s = slot(key); ; s = (s + 1) & slotMask) {
      int v = fingerprintAt(s);
      if (v == 0) {
        return -1;
      }
      if (v == f) {
        return s * SLOT + 2;
      }
    }
  }

  double[] expTransitions() {
    return expTransitions;
  }

  /** The probability a token needs of being inside a label to start or extend a span at {@code point}. */
  public double tokenThreshold(dev.lethe.filter.OperatingPoint point) {
    return tokenThresholds[point.ordinal()];
  }

  /**
   * Emission scores of every token: {@code out[i * T + tag]}. For {@link Features#contextual} features,
   * the weights of each word's own features come from a per-thread cache of sums per word and position,
   * so a frequent word costs five lookups instead of thirty.
   */
  public float[] emissions(Features f) {
    int n = f.tokens();
    float[] out = new float[n * T];
    int[] sum = new int[T];
    WordCache cache = f.words == null ? null : caches.get();
    for (int i = 0; i < n; i++) {
      java.util.Arrays.fill(sum, 0);
      addRows(f.hashes, f.offsets[i], f.offsets[i + 1], sum);
      for (int t = 0; t < T; t++) {
        out[i * T + t] = sum[t] * scale;
      }
      if (cache != null) {
        for (int role = 0; role < Features.ROLES; role++) {
          int j = i + ROLE_OFFSET[role];
          float[] vectors = cache.vectors;
          int at = j >= 0 && j < n ? cache.slot(this, f, j, role) : cache.boundary(this, role);
          for (int t = 0; t < T; t++) {
            out[i * T + t] += vectors[at + t];
          }
        }
      }
    }
    return out;
  }

  /** Where the word of each position stands relative to the token: self, -1, +1, -2, +2. */
  private static final int[] ROLE_OFFSET = {0, -1, 1, -2, 2};

  private void addRows(long[] hashes, int from, int to, int[] sum) {
    for (int k = from; k < to; k++) {
      int w = row(hashes[k]);
      if (w >= 0) {
        for (int t = 0; t < T; t++) {
          sum[t] += table[w + t];
        }
      }
    }
  }

  /**
   * Writes the summed weights of a word's own features in one position into {@code into[at ..]}, using the
   * cache's scratch buffers: a cache miss allocates nothing.
   */
  private void wordVector(Features f, int j, int role, WordCache c, float[] into, int at) {
    int k = j < 0 ? Features.emitBoundary(c.hashes, c.templates, 0, role)
        : Features.wordFeatures(f.tokens, j, role, f.lexicon, c.hashes, c.templates);
    java.util.Arrays.fill(c.sum, 0);
    addRows(c.hashes, 0, k, c.sum);
    for (int t = 0; t < T; t++) {
      into[at + t] = c.sum[t] * scale;
    }
  }

  private final ThreadLocal<WordCache> caches = ThreadLocal.withInitial(WordCache::new);

  /**
   * Per-thread sums of word features, by word (exact spelling) and position: a direct-mapped cache, so a
   * word that does not fit replaces only the one entry it maps to and frequent words stay. About 16 MB per
   * thread.
   */
  private static final class WordCache {
    private static final int SLOTS = 1 << 18;
    final float[] vectors = new float[(SLOTS + Features.ROLES) * T];
    private final long[] keys = new long[SLOTS];
    final long[] hashes = new long[48];
    final byte[] templates = new byte[48];
    final int[] sum = new int[T];
    private boolean boundaries;

    int slot(CrfModel model, Features f, int j, int role) {
      long key = Hash.mix(f.words[j] * 8 + role + 1);
      int i = (int) (key ^ (key >>> 32)) & (SLOTS - 1);
      int at = (Features.ROLES + i) * T;
      if (keys[i] != key) {
        model.wordVector(f, j, role, this, vectors, at);
        keys[i] = key;
      }
      return at;
    }

    int boundary(CrfModel model, int role) {
      if (!boundaries) {
        for (int r = 1; r < Features.ROLES; r++) {
          model.wordVector(null, -1, r, this, vectors, r * T);
        }
        boundaries = true;
      }
      return role * T;
    }
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
      for (long k : keys) {
        int w = row(k);
        for (int t = 0; t < T; t++) {
          d.writeShort(table[w + t]);
        }
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
      d.writeInt(table.get(k, 0));
    }
  }

  private static LongIntMap readTable(DataInputStream d) throws IOException {
    int n = d.readInt();
    LongIntMap m = new LongIntMap(n);
    for (int i = 0; i < n; i++) {
      m.put(d.readLong(), d.readInt());
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
