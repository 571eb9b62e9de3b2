package dev.lethe.train.corpus;

import dev.lethe.filter.Label;
import dev.lethe.filter.eval.DevSplit;
import java.util.List;
import java.util.Objects;

/**
 * One converted document with offsets in Java UTF-16 indices; {@link CorpusWriter} writes it with code-point
 * offsets. {@code spans} and {@code ignore} are sorted and pairwise disjoint, and no span overlaps an ignore
 * region.
 *
 * @param genre the document's genre (a corpus may mix several, e.g. English-EWT's emails and reviews)
 */
record CorpusDoc(String id, String text, List<Marked> spans, List<Region> ignore, String genre, DevSplit split) {
  CorpusDoc {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    Objects.requireNonNull(genre, "genre");
    Objects.requireNonNull(split, "split");
    spans = List.copyOf(spans);
    ignore = List.copyOf(ignore);
  }

  /** A labelled span, end exclusive. */
  record Marked(Label label, int start, int end) {}

  /** A region neither credited nor penalised, end exclusive. */
  record Region(int start, int end) {}
}
