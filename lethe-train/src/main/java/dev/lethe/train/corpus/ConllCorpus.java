package dev.lethe.train.corpus;

import dev.lethe.filter.eval.DevSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Converts corpora of column files without original text (WNUT-17, wikigold, SEC filings, re3d, CrossNER):
 * text is rebuilt from the tokens by {@link Spacing#detokenize}, sentences of a document joined by a space.
 */
final class ConllCorpus {
  /** What one document is. */
  enum Docs {
    /** Each block (a tweet, a comment, a sentence). */
    BLOCK,
    /** The blocks between two {@code -DOCSTART-} lines. */
    DOCSTART,
    /** A whole file. */
    FILE
  }

  /**
   * One file of a corpus.
   *
   * @param key   the file's part of the document ids
   * @param split the split the corpus assigns to the file, or {@code null} to split by document id ({@link
   *              DevSplit#of})
   */
  record Part(String path, String key, DevSplit split) {}

  /** HTML entities that tokenisers split into three tokens ({@code & gt ;}), as in WNUT-17's tweets. */
  private static final Map<String, String> ENTITIES = Map.of("gt", ">", "lt", "<", "amp", "&", "quot", "\"",
      "apos", "'");

  private ConllCorpus() {}

  static Corpus.Converter of(Function<Snapshot, List<Part>> parts, int tokenColumn, int tagColumn, Docs docs,
      PersonTypes persons) {
    return (snapshot, corpus) -> {
      List<CorpusDoc> out = new ArrayList<>();
      for (Part part : parts.apply(snapshot)) {
        List<Conll.Block> blocks = Conll.blocks(snapshot.require(part.path()), part.path(), tokenColumn, tagColumn);
        List<List<Conll.Block>> grouped = group(blocks, docs);
        for (int n = 0; n < grouped.size(); n++) {
          String id = corpus.name() + ":" + part.key() + (docs == Docs.FILE ? "" : ":" + n);
          DocAssembler doc = new DocAssembler(persons);
          for (Conll.Block b : grouped.get(n)) {
            List<String> tokens = new ArrayList<>(b.tokens());
            List<String> tags = new ArrayList<>(b.tags());
            unescapeEntities(tokens, tags);
            doc.add(Sentence.tagged(tokens, tags, null), " ");
          }
          if (!doc.isEmpty()) {
            out.add(doc.build(id, corpus.genre(), part.split() != null ? part.split() : DevSplit.of(id)));
          }
        }
      }
      return out;
    };
  }

  private static List<List<Conll.Block>> group(List<Conll.Block> blocks, Docs docs) {
    List<List<Conll.Block>> out = new ArrayList<>();
    for (Conll.Block b : blocks) {
      boolean starts = out.isEmpty() || docs == Docs.BLOCK || (docs == Docs.DOCSTART && b.docStart());
      if (starts) {
        out.add(new ArrayList<>());
      }
      out.get(out.size() - 1).add(b);
    }
    return out;
  }

  /** Merges each {@code & name ;} token triple into the character it stands for, keeping the first tag. */
  static void unescapeEntities(List<String> tokens, List<String> tags) {
    for (int i = 0; i + 2 < tokens.size(); i++) {
      String decoded = ENTITIES.get(tokens.get(i + 1));
      if (decoded != null && tokens.get(i).equals("&") && tokens.get(i + 2).equals(";")) {
        tokens.set(i, decoded);
        tokens.subList(i + 1, i + 3).clear();
        tags.subList(i + 1, i + 3).clear();
      }
    }
  }
}
