package dev.lethe.train.corpus;

/**
 * An entity mention as a source annotates it: its type in the source's own vocabulary ({@code PER},
 * {@code person}, {@code musicalartist}, {@code PROP_PER}, ...) over the tokens {@code first} (inclusive) to
 * {@code end} (exclusive) of one {@link Sentence}.
 */
record Mention(String type, int first, int end) {
  Mention {
    if (first < 0 || end <= first) {
      throw new IllegalArgumentException("empty or negative mention " + type + " [" + first + ", " + end + ")");
    }
  }
}
