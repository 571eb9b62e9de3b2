package dev.lethe.train.tagger;

/**
 * One training document in the form the trainer consumes: feature rows per token (compressed rows,
 * unknown features dropped) and the tags each token may take (a bit mask per token; one bit where the
 * document annotates the token, several where it does not).
 */
record Example(String id, String source, int[] rows, int[] offsets, int[] allowed) {
  int tokens() {
    return allowed.length;
  }
}
