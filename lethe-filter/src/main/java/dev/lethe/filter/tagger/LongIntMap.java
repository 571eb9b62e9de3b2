package dev.lethe.filter.tagger;

import java.util.Arrays;

/**
 * An open-addressing map from non-zero long keys to int values, without boxing: feature hashes to weight
 * rows, word hashes to lexicon classes. Keys and values share one array ({@code [key, value, key, value,
 * ...]}), so a lookup touches one cache line. Written by hand because a {@code HashMap<Long, Integer>}
 * costs an allocation and several indirections per lookup on the tagger's hottest path.
 */
final class LongIntMap {
  private long[] slots;
  private int size;
  private int mask;

  LongIntMap(int expected) {
    int cap = Integer.highestOneBit(Math.max(16, expected * 3 / 2 - 1)) << 1;
    slots = new long[cap * 2];
    mask = cap - 1;
  }

  int size() {
    return size;
  }

  private static int index(long key, int mask) {
    return (int) (key ^ (key >>> 29)) & mask;
  }

  /** The value of {@code key}, or {@code absent}. */
  int get(long key, int absent) {
    int i = index(key, mask);
    while (true) {
      long k = slots[2 * i];
      if (k == key) {
        return (int) slots[2 * i + 1];
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
    if ((size + 1) * 3 > (mask + 1) * 2) {
      grow();
    }
    int i = index(key, mask);
    while (slots[2 * i] != 0 && slots[2 * i] != key) {
      i = (i + 1) & mask;
    }
    if (slots[2 * i] == 0) {
      size++;
      slots[2 * i] = key;
    }
    slots[2 * i + 1] = value;
  }

  /** ORs {@code bits} into the value of {@code key} (absent counts as 0). */
  void or(long key, int bits) {
    put(key, get(key, 0) | bits);
  }

  private void grow() {
    long[] old = slots;
    slots = new long[old.length * 2];
    mask = slots.length / 2 - 1;
    size = 0;
    for (int i = 0; i < old.length; i += 2) {
      if (old[i] != 0) {
        put(old[i], (int) old[i + 1]);
      }
    }
  }

  /** Keys in no particular order. */
  long[] keys() {
    long[] out = new long[size];
    int n = 0;
    for (int i = 0; i < slots.length; i += 2) {
      if (slots[i] != 0) {
        out[n++] = slots[i];
      }
    }
    return Arrays.copyOf(out, n);
  }
}
