package dev.lethe.filter.io;

import dev.lethe.filter.Label;
import java.util.List;
import java.util.Objects;

/**
 * One document of a labelled dataset (the JSONL format of CONVENTIONS.md), with offsets already converted
 * to Java UTF-16 indices.
 *
 * @param id     unique within its file
 * @param text   the document
 * @param spans  gold spans, sorted and disjoint
 * @param ignore regions where predictions are neither credited nor penalised
 * @param source the dataset it came from, or {@code null}
 */
public record LabeledText(String id, String text, List<Gold> spans, List<Region> ignore, String source) {

  public LabeledText {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(text, "text");
    spans = List.copyOf(spans);
    ignore = List.copyOf(ignore);
  }

  /** A gold span; {@code subtype} may be null. */
  public record Gold(Label label, String subtype, int start, int end) {
    public String textIn(String text) {
      return text.substring(start, end);
    }
  }

  /** A region of text, end exclusive. */
  public record Region(int start, int end) {}
}
