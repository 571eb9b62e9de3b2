package dev.lethe.filter.detect.secret;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;

/**
 * Wallet seed phrases (BIP-39 mnemonics): 12, 15, 18, 21 or 24 words of the English BIP-39 list in a row,
 * separated by spaces, line breaks, commas or list numbers ("1. pipe 2. hour ..."). A phrase is one
 * span of subtype {@code seed_phrase}.
 *
 * <p>The last word carries a checksum (the first L/3 bits of SHA-256 of the entropy): a phrase whose
 * checksum verifies is reported on its own ({@link Confidence#PROVIDER}); one that does not (a typo, a
 * phrase of another list) only after a key word such as "seed", "mnemonic" or "recovery phrase". Runs of
 * more than {@value #MAX_RUN} list words are word lists, not phrases; phrases of fewer than six distinct
 * words are the test vectors of the specification ("abandon abandon ... about").
 *
 * <p>Written by hand: the Java BIP-39 libraries (bitcoinj, web3j) derive keys and pull in crypto stacks,
 * while the filter needs only the word lookup and the checksum. Speed: one pass over the text; a word
 * is looked up only when it is 3-8 ASCII letters, first in a bit set of word hashes that stays in the
 * first-level cache, then in a sorted array.
 */
final class SeedPhrases {
  private SeedPhrases() {}

  static final String SUBTYPE = "seed_phrase";
  private static final int[] LENGTHS = {24, 21, 18, 15, 12};
  private static final int MIN_RUN = 12;
  private static final int MAX_RUN = 48;
  private static final int MAX_EXTRA = 2;
  /** Chars between two words of a phrase: separators and list numbers. */
  private static final int MAX_GAP = 6;

  private static final String[] WORDS = load();
  /** Packed words (5 bits a letter) in sorted order, and the list index of each. */
  private static final long[] PACKED;
  private static final short[] INDEX;
  private static final long[] HASH_BITS = new long[1 << 10];

  private static final String[] KEYS = {"seed", "mnemonic", "recovery phrase", "recovery words",
      "secret phrase", "backup phrase", "passphrase", "wallet", "metamask", "ledger", "trezor", "phrase",
      "semilla", "frase", "graine", "phrase de récupération", "wiederherstellungsphrase", "seed-phrase"};

  static {
    long[][] pairs = new long[WORDS.length][];
    for (int i = 0; i < WORDS.length; i++) {
      pairs[i] = new long[] {pack(WORDS[i], 0, WORDS[i].length()), i};
    }
    Arrays.sort(pairs, (a, b) -> Long.compare(a[0], b[0]));
    PACKED = new long[WORDS.length];
    INDEX = new short[WORDS.length];
    for (int i = 0; i < pairs.length; i++) {
      PACKED[i] = pairs[i][0];
      INDEX[i] = (short) pairs[i][1];
      int h = hash(PACKED[i]);
      HASH_BITS[h >>> 6] |= 1L << h;
    }
  }

  private static String[] load() {
    String name = "/dev/lethe/filter/detect/secret/bip39-english.txt";
    try (InputStream in = SeedPhrases.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("resource " + name + " is missing from the classpath");
      }
      String[] words = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)).lines()
          .map(String::strip).filter(w -> !w.isEmpty()).toArray(String[]::new);
      if (words.length != 2048) {
        throw new IllegalStateException(name + " has " + words.length + " words, not 2048");
      }
      return words;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reports every seed phrase of {@code scan}'s text. */
  static void find(Scan scan) {
    String t = scan.text;
    int n = t.length();
    int[] starts = new int[MAX_RUN];
    int[] ends = new int[MAX_RUN];
    short[] indices = new short[MAX_RUN];
    int run = 0;
    int lastEnd = -1;
    boolean overflow = false;
    int i = 0;
    while (i < n) {
      if (!Chars.isAsciiLetter(t.charAt(i))) {
        i++;
        continue;
      }
      int s = i;
      while (i < n && Chars.isAsciiLetter(t.charAt(i))) {
        i++;
      }
      boolean whole = (i == n || !Character.isLetterOrDigit(t.charAt(i)))
          && (s == 0 || !Character.isLetterOrDigit(t.charAt(s - 1)));
      int index = whole ? lookup(t, s, i) : -1;
      if (index < 0 || lastEnd < 0 || !isGap(t, lastEnd, s)) {
        if (!overflow) {
          close(scan, starts, ends, indices, run);
        }
        run = 0;
        overflow = false;
      }
      lastEnd = index >= 0 ? i : -1;
      if (index >= 0) {
        if (run == MAX_RUN) {
          overflow = true; // a word list, not a phrase
        } else {
          starts[run] = s;
          ends[run] = i;
          indices[run++] = (short) index;
        }
      }
    }
    if (!overflow) {
      close(scan, starts, ends, indices, run);
    }
  }

  /** Whether only separators and list numbers ("3.", "4)", "#5") lie in {@code t[from, to)}. */
  private static boolean isGap(String t, int from, int to) {
    if (to - from > MAX_GAP || to == from) {
      return false;
    }
    for (int k = from; k < to; k++) {
      char c = t.charAt(k);
      // not ':', which ends a key ("seed phrase: ..."; "seed" and "phrase" are list words)
      if (!(Character.isWhitespace(c) || Chars.isDigit(c) || c == ',' || c == '.' || c == ')' || c == '-'
          || c == '#' || c == ';')) {
        return false;
      }
    }
    return true;
  }

  /**
   * Reports the phrase in a finished run of {@code run} list words. A phrase may have a list word or two
   * beside it ("able", "about" are list words); more would let a chance checksum (1 in 16 for 12 words)
   * pass somewhere in a long run.
   */
  private static void close(Scan scan, int[] starts, int[] ends, short[] indices, int run) {
    if (run < MIN_RUN) {
      return;
    }
    for (int len : LENGTHS) {
      // the phrase at the end of the run first: list words before a phrase are more often its key
      // ("my seed ...") than list words after it
      for (int extra = 0; extra <= run - len && extra <= MAX_EXTRA; extra++) {
        int from = run - len - extra;
        if (checksumOk(indices, from, len) && distinct(indices, from, len) >= 6) {
          scan.report(SUBTYPE, starts[from], ends[from + len - 1], Confidence.PROVIDER);
          return;
        }
      }
    }
    boolean phraseLength = Arrays.stream(LENGTHS).anyMatch(l -> l == run);
    String before = scan.text.substring(Math.max(0, starts[0] - 60), starts[0]).toLowerCase(java.util.Locale.ROOT);
    if (phraseLength && distinct(indices, 0, run) >= 6 && hasKey(before)) {
      scan.report(SUBTYPE, starts[0], ends[run - 1], Confidence.SECRET_KEY_VALUE);
    }
  }

  private static boolean hasKey(String before) {
    for (String k : KEYS) {
      if (before.contains(k)) {
        return true;
      }
    }
    return false;
  }

  private static int distinct(short[] indices, int from, int len) {
    Set<Short> seen = new HashSet<>();
    for (int k = from; k < from + len; k++) {
      seen.add(indices[k]);
    }
    return seen.size();
  }

  /** BIP-39: 11 bits a word; the first 32L/3 bits are entropy, the rest the head of its SHA-256. */
  static boolean checksumOk(short[] indices, int from, int len) {
    int totalBits = len * 11;
    int checkBits = totalBits / 33;
    int entropyBits = totalBits - checkBits;
    byte[] entropy = new byte[entropyBits / 8];
    int check = 0;
    for (int bit = 0; bit < totalBits; bit++) {
      int word = indices[from + bit / 11];
      int value = (word >>> (10 - bit % 11)) & 1;
      if (bit < entropyBits) {
        entropy[bit / 8] |= (byte) (value << (7 - bit % 8));
      } else {
        check = check << 1 | value;
      }
    }
    byte[] hash;
    try {
      hash = MessageDigest.getInstance("SHA-256").digest(entropy);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
    return ((hash[0] & 0xFF) >>> (8 - checkBits)) == check;
  }

  /** The list index of the word {@code t[s, e)} (any case), or -1. */
  private static int lookup(String t, int s, int e) {
    if (e - s < 3 || e - s > 8) {
      return -1;
    }
    long key = pack(t, s, e);
    int h = hash(key);
    if ((HASH_BITS[h >>> 6] & (1L << h)) == 0) {
      return -1;
    }
    int at = Arrays.binarySearch(PACKED, key);
    return at >= 0 ? INDEX[at] : -1;
  }

  private static long pack(String t, int s, int e) {
    long key = 0;
    for (int k = s; k < e; k++) {
      key = key << 5 | ((t.charAt(k) | 0x20) - 'a' + 1);
    }
    return key;
  }

  private static int hash(long key) {
    return (int) ((key * 0x9E3779B97F4A7C15L) >>> 48);
  }
}
