package dev.lethe.train.tagger;

/**
 * One training document in the form the trainer consumes: feature rows per token (compressed rows,
 * unknown features dropped), which of them describe the token's own word (for word dropout), and the tags
 * each token may take (a bit mask per token; one bit where the document annotates the token, several where
 * it does not).
 */
record Example(String id, String source, int[] rows, boolean[] identity, int[] offsets, int[] allowed) {
  int tokens() {
    return allowed.length;
  }
}
