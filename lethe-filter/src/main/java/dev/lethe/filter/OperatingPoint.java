package dev.lethe.filter;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * How much the filter trades utility for privacy. Every detector scores its spans in [0, 1]; an operating
 * point is the minimum score a span needs to be reported.
 *
 * <ul>
 *   <li>{@link #RECALL}: masks anything plausibly personal. Use when a leak is costly and over-masking is
 *       cheap (training data, logs shared outside the team). Finds weak candidates such as a bare
 *       capitalised word after "hi" or a digit run without a context word.
 *   <li>{@link #BALANCED}: the default. Reports spans that a validator confirms (checksum, phone plan,
 *       provider token format) or that a context cue supports.
 *   <li>{@link #PRECISION}: reports only what is nearly certain. Use when masking harms the task (support
 *       tooling, analytics) and an occasional miss is acceptable.
 * </ul>
 */
public enum OperatingPoint {
  RECALL(0.25),
  BALANCED(0.5),
  PRECISION(0.8);

  private final double threshold;

  OperatingPoint(double threshold) {
    this.threshold = threshold;
  }

  /** The minimum score a span of {@code label} needs to be reported at this operating point. */
  public double threshold(Label label) {
    return threshold;
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses {@code recall}, {@code balanced} or {@code precision}, case-insensitively. */
  public static OperatingPoint fromId(String id) {
    for (OperatingPoint p : values()) {
      if (p.id().equalsIgnoreCase(id.trim())) {
        return p;
      }
    }
    throw new IllegalArgumentException("unknown operating point '" + id + "'; known: "
        + Arrays.stream(values()).map(OperatingPoint::id).collect(Collectors.joining(", ")));
  }
}
