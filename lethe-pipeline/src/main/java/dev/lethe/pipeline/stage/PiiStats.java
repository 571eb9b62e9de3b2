package dev.lethe.pipeline.stage;

import dev.lethe.filter.Label;
import java.util.Arrays;

/**
 * How much personal information one document had: masked spans per label (indexed by {@link Label#ordinal()})
 * and the length of the text they were found in. Immutable.
 */
public record PiiStats(int[] perLabel, int chars) implements java.io.Serializable {
  public PiiStats {
    perLabel = perLabel.clone();
  }

  public static PiiStats none(int chars) {
    return new PiiStats(new int[Label.values().length], chars);
  }

  public int spans() {
    return Arrays.stream(perLabel).sum();
  }

  public int count(Label l) {
    return perLabel[l.ordinal()];
  }

  /** Masked spans per 1,000 characters. */
  public double density() {
    return chars == 0 ? 0 : spans() * 1000.0 / chars;
  }

  @Override
  public int[] perLabel() {
    return perLabel.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PiiStats p && p.chars == chars && Arrays.equals(p.perLabel, perLabel);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(perLabel) + chars;
  }

  @Override
  public String toString() {
    return "PiiStats" + Arrays.toString(perLabel) + "/" + chars;
  }
}
