package dev.lethe.filter.tagger;

import dev.lethe.filter.Span;
import java.util.Arrays;
import java.util.List;

/**
 * The observation features of every token, as 64-bit hashes in compressed rows: token {@code i} has the
 * features {@code hashes[offsets[i] .. offsets[i + 1])}. Training and tagging call the same code, so a
 * model always sees features built exactly as it was trained.
 *
 * <p>Per token: the word, its shape, prefixes and suffixes; the same for two neighbours each side;
 * word bigrams; capitalisation in context (sentence start, all-lower-case or all-caps text); word
 * classes (titles, street types, months, cue words ...) of the token and its neighbours; first- and
 * last-name frequency buckets; line layout (line breaks, "key: value" lines, CSV columns); and the spans
 * the structured detectors found (an e-mail right after a name, a date the rules recognised).
 */
public final class Features {
  private static final long BOS = 0x5EED_0001L;
  private static final long EOS = 0x5EED_0002L;

  /** Templates that identify the token's own word (word, affixes, bigrams): dropped out in training. */
  private static final long IDENTITY_TEMPLATES = (1L << 1) | (1L << 3) | (1L << 4) | (1L << 5) | (1L << 6)
      | (1L << 7) | (1L << 14) | (1L << 15);

  final long[] hashes;
  final int[] offsets;
  private final byte[] templates;

  private Features(long[] hashes, int[] offsets, byte[] templates) {
    this.hashes = hashes;
    this.offsets = offsets;
    this.templates = templates;
  }

  /**
   * Whether feature {@code k} describes the token's own word rather than its context. Training hides these
   * at random ("word dropout") so that the model learns to find names it has never seen.
   */
  public boolean isIdentity(int k) {
    return (IDENTITY_TEMPLATES & (1L << templates[k])) != 0;
  }

  public int tokens() {
    return offsets.length - 1;
  }

  /** All feature hashes, token after token; the array is shared, not a copy: do not modify it. */
  public long[] hashes() {
    return hashes;
  }

  /** Where each token's features start in {@link #hashes()}, plus the end; shared, do not modify. */
  public int[] offsets() {
    return offsets;
  }

  /**
   * Features of every token of {@code t}. {@code priors} are the structured detectors' spans (sorted,
   * disjoint), the way {@link Tagger} passes them.
   */
  public static Features of(Tokens t, Lexicon lex, List<Span> priors) {
    return build(t, lex, priors, true);
  }

  /**
   * The contextual features only, for tagging: the features that depend on one word alone (its own, or
   * a neighbour's in a fixed position) are summed per word by {@link CrfModel}'s cache instead.
   */
  static Features contextual(Tokens t, Lexicon lex, List<Span> priors) {
    return build(t, lex, priors, false);
  }

  /** Positions in which a word contributes features that depend on it alone. */
  static final int SELF = 0;
  static final int PREV = 1;
  static final int NEXT = 2;
  static final int PREV2 = 3;
  static final int NEXT2 = 4;
  static final int ROLES = 5;

  /** The tokens and lexicon of contextual features, from which word features are made on demand. */
  Tokens tokens;
  Lexicon lexicon;

  private static Features build(Tokens t, Lexicon lex, List<Span> priors, boolean withWords) {
    int n = t.size();
    String text = t.text();
    long[] low = new long[n];
    long[] shape = new long[n];
    int[] cap = new int[n];
    int[] cls = new int[n];
    int[] fn = new int[n];
    int[] ln = new int[n];
    int[] prior = priorCodes(t, priors);
    long[] key = keys(t);
    int upper = 0;
    int lower = 0;
    int[] counts = new int[2];
    for (int i = 0; i < n; i++) {
      String src = t.standsFor(i) != null ? t.standsFor(i) : text;
      int s = t.standsFor(i) != null ? 0 : t.start(i);
      int e = t.standsFor(i) != null ? src.length() : t.end(i);
      low[i] = Hash.lower(src, s, e);
      counts[0] = 0;
      counts[1] = 0;
      shape[i] = shapeHash(src, s, e, counts);
      if (t.standsFor(i) == null) {
        upper += counts[0];
        lower += counts[1];
      }
      cap[i] = t.standsFor(i) != null ? 8 : capClass(text, s, e, counts);
      cls[i] = lex.classes(low[i]);
      fn[i] = lex.firstName(low[i]);
      ln[i] = lex.lastName(low[i]);
    }
    int docMode = lower == 0 && upper > 0 ? 2 : upper == 0 && lower > 0 ? 1 : upper > 2 * lower ? 2 : 0;
    long[] exact = new long[n];
    for (int i = 0; i < n; i++) {
      exact[i] = t.standsFor(i) != null ? low[i] : Hash.exact(text, t.start(i), t.end(i));
    }
    LongIntMap seen = documentEvidence(t, exact, low, cap, cls, fn, ln);
    int[] famous = phrases(t, low, cap, lex, Lexicon.FAMOUS);
    int[] place = phrases(t, low, cap, lex, Lexicon.PLACE);

    long[] out = new long[n * (withWords ? 48 : 24) + 16];
    byte[] tpl = new byte[out.length];
    int[] off = new int[n + 1];
    int k = 0;
    for (int i = 0; i < n; i++) {
      if (k + 64 > out.length) {
        out = Arrays.copyOf(out, out.length * 2);
        tpl = Arrays.copyOf(tpl, out.length);
      }
      off[i] = k;
      long wm1 = i > 0 ? low[i - 1] : BOS;
      long wp1 = i + 1 < n ? low[i + 1] : EOS;
      long shm1 = i > 0 ? shape[i - 1] : BOS;
      long shp1 = i + 1 < n ? shape[i + 1] : EOS;
      int capm1 = i > 0 ? cap[i - 1] : 7;
      int capp1 = i + 1 < n ? cap[i + 1] : 7;
      boolean sentStart = i == 0 || t.newlineBefore(i) || isSentenceEnd(text, t.start(i - 1), t.end(i - 1));

      if (withWords) {
        k = emitRole(out, tpl, k, SELF, t, i, low[i], shape[i], cap[i], cls[i], fn[i], ln[i], lex);
        k = i > 0 ? emitRole(out, tpl, k, PREV, t, i - 1, low[i - 1], shape[i - 1], cap[i - 1], cls[i - 1],
            fn[i - 1], ln[i - 1], lex) : emitBoundary(out, tpl, k, PREV);
        k = i + 1 < n ? emitRole(out, tpl, k, NEXT, t, i + 1, low[i + 1], shape[i + 1], cap[i + 1], cls[i + 1],
            fn[i + 1], ln[i + 1], lex) : emitBoundary(out, tpl, k, NEXT);
        k = i > 1 ? emitRole(out, tpl, k, PREV2, t, i - 2, low[i - 2], shape[i - 2], cap[i - 2], cls[i - 2],
            fn[i - 2], ln[i - 2], lex) : emitBoundary(out, tpl, k, PREV2);
        k = i + 2 < n ? emitRole(out, tpl, k, NEXT2, t, i + 2, low[i + 2], shape[i + 2], cap[i + 2], cls[i + 2],
            fn[i + 2], ln[i + 2], lex) : emitBoundary(out, tpl, k, NEXT2);
      }
      k = put(out, tpl, k, 0, Hash.feature(0, 1));
      k = put(out, tpl, k, 14, Hash.feature(14, wm1, low[i]));
      k = put(out, tpl, k, 15, Hash.feature(15, low[i], wp1));
      k = put(out, tpl, k, 16, Hash.feature(16, Hash.feature(99, shm1, shape[i]), shp1));
      k = put(out, tpl, k, 17, Hash.feature(17, cap[i] + 8 * (sentStart ? 1 : 0) + 16 * docMode));
      k = put(out, tpl, k, 36, Hash.feature(36, capm1 * 8 + cap[i]));
      k = put(out, tpl, k, 37, Hash.feature(37, cap[i] * 8 + capp1));
      k = classBits(out, tpl, k, 38, i > 0 ? cls[i - 1] : 0, cap[i]);
      int layout = (t.newlineBefore(i) ? 1 : 0) + (i + 1 < n && t.newlineBefore(i + 1) ? 2 : 0) + (i + 1 == n ? 4 : 0);
      k = put(out, tpl, k, 28, Hash.feature(28, layout));
      k = put(out, tpl, k, 29, Hash.feature(29, (t.spaceBefore(i) ? 1 : 0) + (i + 1 < n && t.spaceBefore(i + 1) ? 2 : 0)));
      if (prior[i] != 0) {
        k = put(out, tpl, k, 30, Hash.feature(30, prior[i]));
      }
      if (i > 0 && prior[i - 1] != 0) {
        k = put(out, tpl, k, 31, Hash.feature(31, prior[i - 1]));
      }
      if (i + 1 < n && prior[i + 1] != 0) {
        k = put(out, tpl, k, 32, Hash.feature(32, prior[i + 1]));
      }
      if (key[i] != 0) {
        k = put(out, tpl, k, 34, Hash.feature(34, key[i]));
        k = put(out, tpl, k, 35, Hash.feature(35, key[i], cap[i]));
        k = put(out, tpl, k, 44, Hash.feature(44, FieldKeys.kind(key[i]) * 8 + cap[i]));
      }
      if (famous[i] != 0) {
        k = put(out, tpl, k, 42, Hash.feature(42, famous[i] * 8 + cap[i]));
      }
      if (place[i] != 0) {
        k = put(out, tpl, k, 43, Hash.feature(43, place[i] * 8 + cap[i]));
      }
      int evidence = seen.get(exact[i], 0);
      while (evidence != 0) {
        int bit = Integer.numberOfTrailingZeros(evidence);
        k = put(out, tpl, k, 40, Hash.feature(40, bit * 8 + cap[i]));
        evidence &= evidence - 1;
      }
    }
    off[n] = k;
    Features f = new Features(Arrays.copyOf(out, k), off, Arrays.copyOf(tpl, k));
    if (!withWords) {
      f.tokens = t;
      f.lexicon = lex;
      f.words = exact;
    }
    return f;
  }

  /** Per token, the key of its word in the per-word cache (contextual features only), else null. */
  long[] words;

  /**
   * The features token {@code j} contributes, in {@code role}, to the token it stands next to (or is):
   * its word, shape, affixes, word classes, name and dictionary buckets. They depend on the word alone,
   * which is what lets {@link CrfModel} cache their weights per word.
   */
  static int emitRole(long[] out, byte[] tpl, int k, int role, Tokens t, int j, long low, long shape, int cap,
      int cls, int fn, int ln, Lexicon lex) {
    switch (role) {
      case SELF -> {
        String src = t.standsFor(j) != null ? t.standsFor(j) : t.text();
        int s = t.standsFor(j) != null ? 0 : t.start(j);
        int e = t.standsFor(j) != null ? src.length() : t.end(j);
        int len = e - s;
        k = put(out, tpl, k, 1, Hash.feature(1, low));
        k = put(out, tpl, k, 2, Hash.feature(2, shape));
        if (len >= 2) {
          k = put(out, tpl, k, 3, Hash.feature(3, Hash.lower(src, s, s + 2)));
          k = put(out, tpl, k, 5, Hash.feature(5, Hash.lower(src, e - 2, e)));
        }
        if (len >= 3) {
          k = put(out, tpl, k, 4, Hash.feature(4, Hash.lower(src, s, s + 3)));
          k = put(out, tpl, k, 6, Hash.feature(6, Hash.lower(src, e - 3, e)));
        }
        if (len >= 4) {
          k = put(out, tpl, k, 7, Hash.feature(7, Hash.lower(src, e - 4, e)));
        }
        k = classBits(out, tpl, k, 18, cls, -1);
        if (fn > 0) {
          k = put(out, tpl, k, 22, Hash.feature(22, fn * 8 + cap));
        }
        if (ln > 0) {
          k = put(out, tpl, k, 23, Hash.feature(23, ln * 8 + cap));
        }
        int digits = digitClass(src, s, e);
        if (digits != 0) {
          k = put(out, tpl, k, 33, Hash.feature(33, digits));
        }
        k = put(out, tpl, k, 41, Hash.feature(41, lex.dictionary(low) * 8 + cap));
        int cluster = lex.cluster(low);
        if (cluster != 0) {
          k = put(out, tpl, k, 45, Hash.feature(45, clusterPrefix(cluster, 4)));
          k = put(out, tpl, k, 46, Hash.feature(46, clusterPrefix(cluster, 8)));
          k = put(out, tpl, k, 47, Hash.feature(47, clusterPrefix(cluster, 12)));
          k = put(out, tpl, k, 48, Hash.feature(48, clusterPrefix(cluster, 20)));
        }
      }
      case PREV -> {
        k = put(out, tpl, k, 8, Hash.feature(8, low));
        int cluster = lex.cluster(low);
        if (cluster != 0) {
          k = put(out, tpl, k, 49, Hash.feature(49, clusterPrefix(cluster, 8)));
        }
        k = put(out, tpl, k, 12, Hash.feature(12, shape));
        if (fn > 0) {
          k = put(out, tpl, k, 24, Hash.feature(24, fn * 8 + cap));
        }
        if (ln > 0) {
          k = put(out, tpl, k, 26, Hash.feature(26, ln * 8 + cap));
        }
      }
      case NEXT -> {
        k = put(out, tpl, k, 9, Hash.feature(9, low));
        int cluster = lex.cluster(low);
        if (cluster != 0) {
          k = put(out, tpl, k, 50, Hash.feature(50, clusterPrefix(cluster, 8)));
        }
        k = put(out, tpl, k, 13, Hash.feature(13, shape));
        k = classBits(out, tpl, k, 20, cls, -1);
        if (ln > 0) {
          k = put(out, tpl, k, 25, Hash.feature(25, ln * 8 + cap));
        }
        if (fn > 0) {
          k = put(out, tpl, k, 27, Hash.feature(27, fn * 8 + cap));
        }
      }
      case PREV2 -> {
        k = put(out, tpl, k, 10, Hash.feature(10, low));
        k = classBits(out, tpl, k, 21, cls, -1);
      }
      default -> k = put(out, tpl, k, 11, Hash.feature(11, low));
    }
    return k;
  }

  /** The features of a position beyond the text's start or end, in {@code role}. */
  static int emitBoundary(long[] out, byte[] tpl, int k, int role) {
    return switch (role) {
      case PREV -> put(out, tpl, put(out, tpl, k, 8, Hash.feature(8, BOS)), 12, Hash.feature(12, BOS));
      case NEXT -> put(out, tpl, put(out, tpl, k, 9, Hash.feature(9, EOS)), 13, Hash.feature(13, EOS));
      case PREV2 -> put(out, tpl, k, 10, Hash.feature(10, BOS));
      case NEXT2 -> put(out, tpl, k, 11, Hash.feature(11, EOS));
      default -> throw new IllegalArgumentException("no boundary in role " + role);
    };
  }

  /** The features word token {@code j} contributes in {@code role}, computed from its text alone. */
  static int wordFeatures(Tokens t, int j, int role, Lexicon lex, long[] out, byte[] tpl) {
    String src = t.standsFor(j) != null ? t.standsFor(j) : t.text();
    int s = t.standsFor(j) != null ? 0 : t.start(j);
    int e = t.standsFor(j) != null ? src.length() : t.end(j);
    int[] counts = {0, 0};
    long low = Hash.lower(src, s, e);
    long shape = shapeHash(src, s, e, counts);
    int cap = t.standsFor(j) != null ? 8 : capClass(src, s, e, counts);
    return emitRole(out, tpl, 0, role, t, j, low, shape, cap, lex.classes(low), lex.firstName(low),
        lex.lastName(low), lex);
  }

  /**
   * The first {@code bits} bits of a cluster path coded as {@link Lexicon#cluster}, with its length marker,
   * so a prefix of a shorter path stays distinct from one of a longer path.
   */
  static int clusterPrefix(int code, int bits) {
    int len = 31 - Integer.numberOfLeadingZeros(code);
    return len <= bits ? code : code >>> (len - bits);
  }

  private static int put(long[] out, byte[] tpl, int k, int template, long hash) {
    out[k] = hash;
    tpl[k] = (byte) template;
    return k + 1;
  }

  static final long PHRASE_SEED = 0x7A5E_11C0_0DDL;

  /** Hash of a phrase's lower-cased words: how lexicon phrases are stored and looked up. */
  static long phraseHash(String[] words) {
    long h = PHRASE_SEED;
    for (String w : words) {
      h = extendPhrase(h, Hash.of(w));
    }
    return h;
  }

  static long extendPhrase(long phrase, long wordHash) {
    return Hash.mix(phrase * 31 + wordHash);
  }

  /**
   * Per token: 0, or where it sits in the longest whole lexicon phrase (of the table {@code kind}) that
   * covers it (1 first word, 2 later word), or 3 when it is only a word of such a phrase. Names of people
   * and places are capitalised, so only capitalised tokens are looked up.
   */
  private static int[] phrases(Tokens t, long[] low, int[] cap, Lexicon lex, int kind) {
    int n = t.size();
    int[] out = new int[n];
    LongIntMap table = lex.table(kind);
    for (int i = 0; i < n; i++) {
      if (cap[i] != 1 && cap[i] != 2) {
        continue;
      }
      long h = PHRASE_SEED;
      int longest = 0;
      for (int k = 0; k < 4 && i + k < n; k++) {
        h = extendPhrase(h, low[i + k]);
        if (table.get(h, 0) == 2) {
          longest = k + 1;
        }
      }
      for (int k = 0; k < longest; k++) {
        out[i + k] = k == 0 ? 1 : 2;
      }
      if (longest == 0 && out[i] == 0 && table.get(low[i], 0) == 1) {
        out[i] = 3;
      }
    }
    return out;
  }

  /** Evidence bits about a word from elsewhere in the same text. */
  private static final int AFTER_FIRST_NAME = 1;
  private static final int BEFORE_LAST_NAME = 2;
  private static final int AFTER_TITLE = 4;
  private static final int ALSO_LOWER_CASE = 8;
  private static final int MID_SENTENCE_CAPITAL = 16;

  /**
   * What the rest of the text says about each word (by exact spelling): "Montalvo" alone is a name when
   * "Jeff Montalvo" occurs earlier; "Will" is less likely a name when "will" occurs too.
   */
  private static LongIntMap documentEvidence(Tokens t, long[] exact, long[] low, int[] cap, int[] cls,
      int[] fn, int[] ln) {
    int n = t.size();
    LongIntMap seen = new LongIntMap(Math.max(16, n / 2));
    LongIntMap lowerForms = new LongIntMap(Math.max(16, n / 2));
    for (int i = 0; i < n; i++) {
      if (cap[i] == 0) {
        lowerForms.put(low[i], 1);
      }
    }
    int titleBit = 1 << Lexicon.CLASSES.indexOf("title");
    for (int i = 0; i < n; i++) {
      if (cap[i] != 1 && cap[i] != 2) {
        continue;
      }
      int bits = 0;
      if (i > 0 && fn[i - 1] > 0 && (cap[i - 1] == 1 || cap[i - 1] == 2) && t.spaceBefore(i)) {
        bits |= AFTER_FIRST_NAME;
      }
      if (i + 1 < n && ln[i + 1] > 0 && (cap[i + 1] == 1 || cap[i + 1] == 2) && t.spaceBefore(i + 1)) {
        bits |= BEFORE_LAST_NAME;
      }
      int p = i > 0 && t.end(i - 1) - t.start(i - 1) == 1 && t.text().charAt(t.start(i - 1)) == '.' ? i - 2 : i - 1;
      if (p >= 0 && (cls[p] & titleBit) != 0) {
        bits |= AFTER_TITLE;
      }
      if (lowerForms.get(low[i], 0) != 0) {
        bits |= ALSO_LOWER_CASE;
      }
      if (i > 0 && !t.newlineBefore(i) && !isSentenceEnd(t.text(), t.start(i - 1), t.end(i - 1))) {
        bits |= MID_SENTENCE_CAPITAL;
      }
      if (bits != 0) {
        seen.or(exact[i], bits);
      }
    }
    return seen;
  }

  private static int classBits(long[] out, byte[] tpl, int k, int template, int bits, int with) {
    while (bits != 0) {
      int b = Integer.numberOfTrailingZeros(bits);
      k = put(out, tpl, k, template, Hash.feature(template, with < 0 ? b : b * 8 + with));
      bits &= bits - 1;
    }
    return k;
  }

  private static boolean isSentenceEnd(String text, int s, int e) {
    if (e - s != 1) {
      return false;
    }
    char c = text.charAt(s);
    return c == '.' || c == '!' || c == '?' || c == ':' || c == ';' || c == '"' || c == '“' || c == '('
        || c == '-' || c == '•' || c == '*' || c == '>' || c == '|' || c == ',';
  }

  /**
   * The shape of a word: X for an upper-case letter, x lower-case, d digit, L a letter of a caseless
   * script, any other char itself; runs of one class collapse to two ("Xxx" for "Mississippi" is "Xxx").
   * Also counts upper- and lower-case letters into {@code counts}.
   */
  private static long shapeHash(String text, int s, int e, int[] counts) {
    long h = 0xcbf29ce484222325L;
    char prev = 0;
    int run = 0;
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      char cls;
      if (Character.isUpperCase(c)) {
        cls = 'X';
        counts[0]++;
      } else if (Character.isLowerCase(c)) {
        cls = 'x';
        counts[1]++;
      } else if (Character.isDigit(c)) {
        cls = 'd';
      } else if (Character.isLetter(c) || Character.isSurrogate(c)) {
        cls = 'L';
      } else {
        cls = c;
      }
      run = cls == prev ? run + 1 : 1;
      prev = cls;
      if (run <= 2) {
        h ^= cls;
        h *= 0x100000001b3L;
      }
    }
    return h;
  }

  /** 0 lower, 1 Title, 2 UPPER, 3 mIxed, 4 digits, 5 alphanumeric, 6 punctuation or symbol, 7 caseless script. */
  private static int capClass(String text, int s, int e, int[] counts) {
    char first = text.charAt(s);
    int letters = counts[0] + counts[1];
    boolean hasDigit = false;
    for (int i = s; i < e && !hasDigit; i++) {
      hasDigit = Character.isDigit(text.charAt(i));
    }
    if (letters == 0) {
      return hasDigit ? 4 : Character.isLetter(first) || Character.isSurrogate(first) ? 7 : 6;
    }
    if (hasDigit) {
      return 5;
    }
    if (counts[0] == 0) {
      return 0;
    }
    if (counts[1] == 0) {
      return e - s == 1 ? 1 : 2;
    }
    return Character.isUpperCase(first) && counts[0] == 1 ? 1 : 3;
  }

  /**
   * For an all-digit token: its length (1..6, 7 = longer) and what it may be: a day (1-31), a year
   * (1900-2099), a ZIP-like 5-digit number.
   */
  private static int digitClass(String text, int s, int e) {
    int len = e - s;
    int value = 0;
    for (int i = s; i < e; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return 0;
      }
      if (len <= 6) {
        value = value * 10 + (c - '0');
      }
    }
    int kind = len <= 2 && value >= 1 && value <= 31 ? 1 : len == 4 && value >= 1900 && value <= 2099 ? 2 : 0;
    return Math.min(len, 7) * 4 + kind;
  }

  /** Structured spans as per-token codes: label (1..8) * 4 + 2 if confident + 1 at the span's first token. */
  private static int[] priorCodes(Tokens t, List<Span> priors) {
    int[] codes = new int[t.size()];
    for (Span p : priors) {
      int first = t.indexAtOrAfter(p.start());
      for (int i = first; i < t.size() && t.start(i) < p.end(); i++) {
        codes[i] = (p.label().ordinal() + 1) * 4 + (p.score() >= 0.5 ? 2 : 0) + (i == first ? 1 : 0);
      }
    }
    return codes;
  }

  /**
   * The key each token's value belongs to ({@link FieldKeys}), 0 for tokens outside such structure: in
   * "Name: Ana Ruiz" lines, JSON or YAML pairs (several on one line too), logfmt {@code name=ana}, and in
   * CSV rows the column's header.
   */
  private static long[] keys(Tokens t) {
    int n = t.size();
    long[] key = new long[n];
    long[] header = null;
    char headerDelim = 0;
    int i = 0;
    while (i < n) {
      int lineEnd = i + 1;
      while (lineEnd < n && !t.newlineBefore(lineEnd)) {
        lineEnd++;
      }
      char delim = FieldKeys.pairs(t, i, lineEnd, key) > 0 ? 0 : delimiter(t, i, lineEnd);
      if (delim != 0 && header != null && delim == headerDelim) {
        int col = 0;
        for (int v = i; v < lineEnd; v++) {
          if (t.end(v) - t.start(v) == 1 && t.text().charAt(t.start(v)) == delim) {
            col++;
          } else if (col < header.length && key[v] == 0) {
            key[v] = header[col];
          }
        }
      } else if (delim != 0 && isHeader(t, i, lineEnd)) {
        header = FieldKeys.header(t, i, lineEnd, delim);
        headerDelim = delim;
      } else if (delim == 0) {
        header = null;
      }
      i = lineEnd;
    }
    return key;
  }

  /** The delimiter of a line that looks like a table row (two or more of , ; tab |), or 0. */
  private static char delimiter(Tokens t, int from, int to) {
    String text = t.text();
    int lineStart = t.start(from);
    int lineEnd = t.end(to - 1);
    for (char d : new char[] {'\t', ';', '|', ','}) {
      int count = 0;
      for (int p = lineStart; p < lineEnd; p++) {
        if (text.charAt(p) == d) {
          count++;
        }
      }
      if (count >= 2) {
        return d;
      }
    }
    return 0;
  }

  private static boolean isHeader(Tokens t, int from, int to) {
    String text = t.text();
    for (int v = from; v < to; v++) {
      char c = text.charAt(t.start(v));
      if (Character.isDigit(c) || c == '@') {
        return false;
      }
    }
    return true;
  }
}
