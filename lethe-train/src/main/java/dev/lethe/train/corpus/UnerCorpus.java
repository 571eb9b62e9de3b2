package dev.lethe.train.corpus;

import dev.lethe.filter.eval.DevSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Converts a Universal NER treebank ({@code UniversalNER/UNER_*}): {@code .iob2} files of the UD tokens
 * with an IOB2 tag in the third column and each sentence's {@code # text}, which gives the spacing. A
 * document is what {@code # newdoc id} groups (sentences joined by a space), or a single sentence where
 * the treebank marks no documents. PER becomes {@code private_person}, LOC and ORG ignore regions.
 */
final class UnerCorpus {
  private static final PersonTypes PERSONS = PersonTypes.of("PER");

  private UnerCorpus() {}

  /**
   * @param parts the treebank's files: a file's split, or {@code null} to split by document id
   * @param genre the genre of a document from its id, or {@code null} for the corpus's genre (English-EWT
   *              mixes emails, reviews, answers, ...)
   */
  static Corpus.Converter of(List<ConllCorpus.Part> parts, UnaryOperator<String> genre) {
    return (snapshot, corpus) -> {
      List<CorpusDoc> out = new ArrayList<>();
      for (ConllCorpus.Part part : parts) {
        String content = snapshot.read(part.path());
        if (content == null) {
          continue; // listed but absent from the snapshot (4 MiB and more); the manifest lists what was read
        }
        boolean grouped = content.startsWith("# newdoc") || content.contains("\n# newdoc");
        DocAssembler doc = null;
        String docId = null;
        List<Conll.Block> blocks = Conll.blocks(content, part.path(), 1, 2);
        for (int n = 0; n < blocks.size(); n++) {
          Conll.Block b = blocks.get(n);
          String newdoc = b.comment("newdoc id");
          if (doc == null || !grouped || newdoc != null) {
            add(out, doc, docId, corpus, part, genre);
            doc = new DocAssembler(PERSONS);
            docId = newdoc != null ? newdoc : sentenceId(b, part, n);
          }
          doc.add(Sentence.tagged(b.tokens(), b.tags(), b.comment("text")), " ");
        }
        add(out, doc, docId, corpus, part, genre);
      }
      return out;
    };
  }

  private static String sentenceId(Conll.Block b, ConllCorpus.Part part, int n) {
    String sent = b.comment("sent_id");
    return sent != null ? sent : part.key() + "-" + n;
  }

  private static void add(List<CorpusDoc> out, DocAssembler doc, String docId, Corpus corpus,
      ConllCorpus.Part part, UnaryOperator<String> genre) {
    if (doc == null || doc.isEmpty()) {
      return;
    }
    String id = corpus.name() + ":" + part.key() + ":" + docId;
    String g = genre.apply(docId);
    out.add(doc.build(id, g != null ? g : corpus.genre(), part.split() != null ? part.split() : DevSplit.of(id)));
  }
}
