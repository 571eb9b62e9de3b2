package dev.lethe.filter;

import java.util.Comparator;
import java.util.Objects;

/**
 * One piece of personal information found in a text.
 *
 * <p>{@code start} and {@code end} are UTF-16 indices into the Java {@code String} that was analysed, end
 * exclusive, as every Java API expects. JSON outputs convert them to Unicode code points with
 * {@link CodePoints}.
 *
 * @param label    what kind of information this is
 * @param subtype  a finer type when the detector knows it ({@code credit_card}, {@code iban}, {@code
 *                 aws_access_key}, ...), otherwise {@code null}
 * @param start    first char index, inclusive
 * @param end      last char index, exclusive; always greater than {@code start}
 * @param score    confidence in [0, 1]: how likely the span is personal information of this label
 * @param detector name of the detector that produced it
 */
public record Span(Label label, String subtype, int start, int end, double score, String detector) {

  /** Document order: by start, then longer first, then label. */
  public static final Comparator<Span> BY_POSITION = Comparator.comparingInt(Span::start)
      .thenComparing(Comparator.comparingInt(Span::end).reversed())
      .thenComparing(Span::label);

  public Span {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(detector, "detector");
    if (start < 0 || end <= start) {
      throw new IllegalArgumentException("bad span bounds [" + start + ", " + end + ")");
    }
    if (!(score >= 0 && score <= 1)) {
      throw new IllegalArgumentException("score must be in [0,1]: " + score);
    }
  }

  public static Span of(Label label, int start, int end, double score, String detector) {
    return new Span(label, null, start, end, score, detector);
  }

  public int length() {
    return end - start;
  }

  /** The covered text of {@code text}, the string this span was found in. */
  public String textIn(String text) {
    return text.substring(start, end);
  }

  public boolean overlaps(Span other) {
    return start < other.end && other.start < end;
  }

  public boolean contains(Span other) {
    return start <= other.start && other.end <= end;
  }

  public Span withScore(double newScore) {
    return new Span(label, subtype, start, end, newScore, detector);
  }

  public Span withBounds(int newStart, int newEnd) {
    return new Span(label, subtype, newStart, newEnd, score, detector);
  }
}
