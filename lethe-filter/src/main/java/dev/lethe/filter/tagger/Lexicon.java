package dev.lethe.filter.tagger;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * What the tagger knows about words before it sees their context: hand-written word classes (titles,
 * street types, months, cue words ..., in {@code words.txt}), and tables that training builds and stores
 * in the model: first- and last-name frequency buckets, ordinary dictionary words with frequency buckets,
 * and the names of famous people and places (whole names and the words in them).
 */
public final class Lexicon {
  /** The word classes, in the order of their bits. */
  public static final List<String> CLASSES = List.of("title", "name_cue", "address_cue", "street", "unit",
      "direction", "region", "country", "month", "weekday", "date_cue", "org", "function", "public_role",
      "private_cue");

  /** Table kinds stored in a model, in file order. */
  static final int FIRST = 0;
  static final int LAST = 1;
  static final int DICTIONARY = 2;
  static final int FAMOUS = 3;
  static final int PLACE = 4;
  static final int CLUSTER = 5;
  static final int TABLES = 6;

  private final LongIntMap classes;
  private final LongIntMap[] tables;

  Lexicon(LongIntMap classes, LongIntMap[] tables) {
    if (tables.length != TABLES) {
      throw new IllegalArgumentException("a lexicon has " + TABLES + " tables");
    }
    this.classes = classes;
    this.tables = tables;
  }

  LongIntMap table(int kind) {
    return tables[kind];
  }

  /** 0 when not a dictionary word, else 1 (rare) .. 3 (common). */
  int dictionary(long h) {
    return tables[DICTIONARY].get(h, 0);
  }

  /**
   * Where {@code t} names a public figure or fictional character in full (two to four words, e.g. "Abraham
   * Lincoln"): [first token, end token) pairs, longest match first, not overlapping.
   */
  public List<int[]> famousPhrases(Tokens t) {
    List<int[]> out = new java.util.ArrayList<>();
    int n = t.size();
    for (int i = 0; i < n; i++) {
      int end = famousPhraseEnd(t, i, n);
      if (end > 0) {
        out.add(new int[] {i, end});
        i = end - 1;
      }
    }
    return out;
  }

  /**
   * Whether tokens {@code [first, end)} name a public figure: exactly a famous full name ("Serena Williams"),
   * or one capitalised word of such names ("Gandhi", "Einstein") at least four letters long.
   */
  boolean namesPublicFigure(Tokens t, int first, int end) {
    if (end - first == 1) {
      int len = t.end(first) - t.start(first);
      return len >= 4 && Character.isUpperCase(t.text().charAt(t.start(first)))
          && tables[FAMOUS].get(Hash.lower(t.text(), t.start(first), t.end(first)), 0) == 1;
    }
    return famousPhraseEnd(t, first, end) == end;
  }

  /** The end of the longest famous full name of two to four words starting at token {@code i} within {@code limit}, or -1. */
  int famousPhraseEnd(Tokens t, int i, int limit) {
    long h = Features.PHRASE_SEED;
    int best = -1;
    for (int k = 0; k < 4 && i + k < limit; k++) {
      h = Features.extendPhrase(h, Hash.lower(t.text(), t.start(i + k), t.end(i + k)));
      if (k >= 1 && tables[FAMOUS].get(h, 0) == 2) {
        best = i + k + 1;
      }
    }
    return best;
  }

  /**
   * The word's Brown cluster (learnt in the project from unlabelled text: docs/clusters.md) as
   * {@code 1 << length | path} of its first {@value #CLUSTER_BITS} path bits, or 0 for a word never seen.
   */
  int cluster(long h) {
    return tables[CLUSTER].get(h, 0);
  }

  /** Path bits of a word cluster kept in the model: enough for the finest prefix feature. */
  static final int CLUSTER_BITS = 20;

  /** The class bits of the word with lower-case hash {@code h}. */
  int classes(long h) {
    return classes.get(h, 0);
  }

  /** 0 when not a known first name, else 1 (rare) .. 4 (very common). */
  int firstName(long h) {
    return tables[FIRST].get(h, 0);
  }

  /** 0 when not a known last name, else 1 (rare) .. 4 (very common). */
  int lastName(long h) {
    return tables[LAST].get(h, 0);
  }

  /** The bundled word classes (no name tables). */
  static LongIntMap wordClasses() {
    LongIntMap map = new LongIntMap(4096);
    try (InputStream in = Lexicon.class.getResourceAsStream("words.txt")) {
      if (in == null) {
        throw new IllegalStateException("tagger resource words.txt is missing from the classpath");
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      int bit = -1;
      for (String line = r.readLine(); line != null; line = r.readLine()) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) {
          continue;
        }
        if (line.startsWith("[")) {
          String name = line.substring(1, line.length() - 1);
          int idx = CLASSES.indexOf(name);
          if (idx < 0) {
            throw new IllegalStateException("words.txt: unknown class [" + name + "]");
          }
          bit = 1 << idx;
          continue;
        }
        for (String w : line.split("\\s+")) {
          map.or(Hash.of(w), bit);
          if (w.endsWith(".")) {
            map.or(Hash.of(w.substring(0, w.length() - 1)), bit);
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return map;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Collects the tables; the word classes are always the bundled ones. */
  public static final class Builder {
    private final LongIntMap[] tables = new LongIntMap[TABLES];

    private Builder() {
      for (int i = 0; i < TABLES; i++) {
        tables[i] = new LongIntMap(1 << 16);
      }
    }

    /** Records a first name with frequency bucket 1 (rare) .. 4 (very common); the highest bucket wins. */
    public Builder firstName(String name, int bucket) {
      put(FIRST, Hash.of(name.strip()), bucket, 4);
      return this;
    }

    /** Records a last name with frequency bucket 1 (rare) .. 4 (very common); the highest bucket wins. */
    public Builder lastName(String name, int bucket) {
      put(LAST, Hash.of(name.strip()), bucket, 4);
      return this;
    }

    /** Records an ordinary (lower-case) dictionary word with frequency bucket 1 (rare) .. 3 (common). */
    public Builder dictionaryWord(String word, int bucket) {
      put(DICTIONARY, Hash.of(word.strip()), bucket, 3);
      return this;
    }

    /** Records a famous person's name, e.g. "Abraham Lincoln"; its words are recorded too. */
    public Builder famousPerson(String name) {
      return phrase(FAMOUS, name);
    }

    /** Records a word's Brown cluster: its path from the root of the cluster tree, e.g. "0110100". */
    public Builder cluster(String word, String path) {
      int len = Math.min(path.length(), CLUSTER_BITS);
      int code = 1 << len;
      for (int i = 0; i < len; i++) {
        code |= (path.charAt(i) - '0') << (len - 1 - i);
      }
      tables[CLUSTER].put(Hash.of(word), code);
      return this;
    }

    /** Records a place's name, e.g. "Buenos Aires". */
    public Builder place(String name) {
      return phrase(PLACE, name);
    }

    private Builder phrase(int table, String name) {
      String[] words = name.strip().split("[\\s_]+");
      for (String w : words) {
        if (w.length() > 2) {
          put(table, Hash.of(w), 1, 2);
        }
      }
      put(table, Features.phraseHash(words), 2, 2);
      return this;
    }

    private void put(int table, long h, int bucket, int max) {
      if (bucket < 1 || bucket > max) {
        throw new IllegalArgumentException("bucket must be 1.." + max + ": " + bucket);
      }
      tables[table].put(h, Math.max(bucket, tables[table].get(h, 0)));
    }

    public Lexicon build() {
      return new Lexicon(wordClasses(), tables);
    }
  }
}
