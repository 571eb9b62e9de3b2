package dev.lethe.filter.tagger;

import java.util.Arrays;

/**
 * An open-addressing map from non-zero long keys to int values, without boxing: feature hashes to weight
 * rows, word hashes to lexicon classes. Written by hand because a {@code HashMap<Long, Integer>} costs an
 * allocation and two indirections per lookup on the tagger's hottest path.
 */
final class LongIntMap {
  private long[] keys;
  private int[] values;
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 2 - 1)) << 1;
    keys = new long[cap];
    values = new int[cap];
    mask = cap - 1;
  }

  int size() {
    return size;
  }

  /** The value of {@code key}, or {@code absent}. */
  int get(long key, int absent) {
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (true) {
      long k = keys[i];
      if (k == key) {
        return values[i];
      }
      if (k == 0) {
        return absent;
      }
      i = (i + 1) & mask;
    }
  }

  void put(long key, int value) {
    if (key == 0) {
      throw new IllegalArgumentException("0 is not a valid key");
    }
    if ((size + 1) * 2 > keys.length) {
      grow();
    }
    int i = (int) (key ^ (key >>> 32)) & mask;
    while (keys[i] != 0 && keys[i] != key) {
      i = (i + 1) & mask;
    }
    if (keys[i] == 0) {
      size++;
      keys[i] = key;
    }
    values[i] = value;
  }

  /** ORs {@code bits} into the value of {@code key} (absent counts as 0). */
  void or(long key, int bits) {
    put(key, get(key, 0) | bits);
  }

  private void grow() {
    long[] oldKeys = keys;
    int[] oldValues = values;
    keys = new long[oldKeys.length * 2];
    values = new int[oldKeys.length * 2];
    mask = keys.length - 1;
    size = 0;
    for (int i = 0; i < oldKeys.length; i++) {
      if (oldKeys[i] != 0) {
        put(oldKeys[i], oldValues[i]);
      }
    }
  }

  /** Keys in no particular order. */
  long[] keys() {
    long[] out = new long[size];
    int n = 0;
    for (long k : keys) {
      if (k != 0) {
        out[n++] = k;
      }
    }
    return Arrays.copyOf(out, n);
  }
}
