package dev.lethe.filter.tagger;

/**
 * 64-bit hashing of feature values without building strings: FNV-1a over chars, finished with the
 * MurmurHash3 mixer. Features are (template, value) pairs hashed to one long; at 64 bits collisions among
 * the few million features of a model are negligible.
 */
final class Hash {
  private static final long FNV_OFFSET = 0xcbf29ce484222325L;
  private static final long FNV_PRIME = 0x100000001b3L;

  private Hash() {}

  /** Hash of the lower-cased chars {@code s[from, to)}. */
  static long lower(CharSequence s, int from, int to) {
    long h = FNV_OFFSET;
    for (int i = from; i < to; i++) {
      h ^= Character.toLowerCase(s.charAt(i));
      h *= FNV_PRIME;
    }
    return h;
  }

  /** Hash of the chars {@code s[from, to)} as written (case-sensitive). */
  static long exact(CharSequence s, int from, int to) {
    long h = FNV_OFFSET ^ 0x2545F4914F6CDD1DL;
    for (int i = from; i < to; i++) {
      h ^= s.charAt(i);
      h *= FNV_PRIME;
    }
    return h == 0 ? 1 : h;
  }

  static long of(String s) {
    return lower(s, 0, s.length());
  }

  /** Combines a template id with one value. */
  static long feature(int template, long value) {
    return mix(value * 0x9E3779B97F4A7C15L + template);
  }

  /** Combines a template id with two values (order matters). */
  static long feature(int template, long a, long b) {
    return mix(mix(a * 0x9E3779B97F4A7C15L + template) ^ (b + 0x632BE59BD9B4E019L));
  }

  static long mix(long h) {
    h ^= h >>> 33;
    h *= 0xff51afd7ed558ccdL;
    h ^= h >>> 33;
    h *= 0xc4ceb9fe1a85ec53L;
    h ^= h >>> 33;
    return h == 0 ? 1 : h; // 0 marks an absent feature
  }
}
