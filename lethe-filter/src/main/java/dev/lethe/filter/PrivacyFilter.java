package dev.lethe.filter;

import dev.lethe.filter.detect.ContextualDetector;
import dev.lethe.filter.detect.Detector;
import dev.lethe.filter.detect.Detectors;
import dev.lethe.filter.detect.SpanResolver;
import dev.lethe.filter.detect.SuppressionDetector;
import dev.lethe.filter.mask.Masker;
import dev.lethe.filter.mask.PlaceholderMasker;
import dev.lethe.filter.mask.Redaction;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Finds personal information in text and masks it.
 *
 * <p>Build one with {@link #builder()} and share it: a filter is immutable and thread-safe. {@link
 * #detect} runs every detector, keeps candidates of the selected labels that reach the operating point's
 * threshold, and resolves overlaps with {@link SpanResolver}; {@link #redact} then applies the masking
 * style.
 *
 * <pre>{@code
 * PrivacyFilter filter = PrivacyFilter.builder().operatingPoint(OperatingPoint.RECALL).build();
 * String safe = filter.redact("Call me at +44 20 7946 0958").text(); // "Call me at <PRIVATE_PHONE>"
 * }</pre>
 */
public final class PrivacyFilter {
  private final List<Detector> detectors;
  private final OperatingPoint operatingPoint;
  private final Set<Label> labels;
  private final Masker masker;

  private PrivacyFilter(Builder b) {
    List<Detector> list = new ArrayList<>(b.detectors != null ? b.detectors
        : Detectors.defaults(b.phoneRegion, b.operatingPoint));
    if (!b.suppressed.isEmpty()) {
      list.add(new SuppressionDetector(b.suppressed.stream()
          .map(s -> new SuppressionDetector.Entry(s, labelOf(s, list))).toList()));
    }
    this.detectors = List.copyOf(list);
    this.operatingPoint = b.operatingPoint;
    this.labels = Set.copyOf(b.labels);
    this.masker = b.masker;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** Spans of personal information in {@code text}, sorted by start and not overlapping. */
  public List<Span> detect(String text) {
    Objects.requireNonNull(text, "text");
    List<Span> candidates = new ArrayList<>();
    List<ContextualDetector> contextual = new ArrayList<>(1);
    for (Detector d : detectors) {
      if (d instanceof ContextualDetector c) {
        contextual.add(c);
      } else {
        d.detect(text, candidates);
      }
    }
    if (!contextual.isEmpty()) {
      List<Span> found = new ArrayList<>(candidates);
      found.removeIf(s -> s.score() < OperatingPoint.RECALL.threshold(s.label()));
      found = SpanResolver.resolve(found);
      for (ContextualDetector c : contextual) {
        c.detect(text, found, candidates);
      }
    }
    candidates.removeIf(s -> !labels.contains(s.label()) || s.score() < operatingPoint.threshold(s.label()));
    return SpanResolver.resolve(candidates);
  }

  /**
   * Detects and masks personal information in {@code text} with this filter's masking style.
   *
   * <p>The result is stable: redacting it again changes nothing. Masking a span can change how the
   * context tagger reads its neighbours (a name right before a masked address), so when anything was
   * masked the masked text is read again; whatever that finds is mapped back to the input and masked
   * too, up to {@value #REREADS} times.
   */
  public Redaction redact(String text) {
    List<Span> spans = detect(text);
    Redaction r = masker.mask(text, spans);
    for (int round = 0; round < REREADS && !spans.isEmpty(); round++) {
      List<Span> again = detect(r.text());
      if (again.isEmpty()) {
        break;
      }
      List<Span> all = new ArrayList<>(spans);
      all.addAll(inInput(again, r));
      List<Span> merged = SpanResolver.resolve(all);
      if (merged.equals(spans)) {
        break;
      }
      spans = merged;
      r = masker.mask(text, spans);
    }
    return r;
  }

  private static final int REREADS = 3;

  /**
   * Spans found in a masked text, moved to the input text: offsets in unchanged text shift back, a span
   * touching a replacement grows to cover the whole span it replaced.
   */
  private static List<Span> inInput(List<Span> found, Redaction r) {
    List<Span> out = new ArrayList<>(found.size());
    for (Span s : found) {
      int start = toInput(r, s.start(), true);
      int end = toInput(r, s.end(), false);
      if (end > start) {
        out.add(s.withBounds(start, end));
      }
    }
    return out;
  }

  /** The input offset of masked-text offset {@code pos}; inside a replacement, its input start or end. */
  private static int toInput(Redaction r, int pos, boolean start) {
    int shift = 0; // input offset minus masked offset after the replacements passed so far
    for (var rep : r.replacements()) {
      int repStart = rep.span().start() - shift;
      int repEnd = repStart + rep.replacement().length();
      if (pos <= repStart) {
        return pos + shift;
      }
      if (pos < repEnd) {
        return start ? rep.span().start() : rep.span().end();
      }
      shift = rep.span().end() - repEnd;
    }
    return pos + shift;
  }

  /**
   * The label a suppressed string gets: what the detectors read the whole string as (an e-mail, a phone
   * number), else a person's name, the most common thing people ask to be removed.
   */
  private static Label labelOf(String suppressed, List<Detector> detectors) {
    List<Span> found = new ArrayList<>();
    for (Detector d : detectors) {
      d.detect(suppressed.strip(), found);
    }
    return found.stream().filter(s -> s.start() == 0 && s.end() == suppressed.strip().length())
        .max(java.util.Comparator.comparingDouble(Span::score)).map(Span::label).orElse(Label.PRIVATE_PERSON);
  }

  public OperatingPoint operatingPoint() {
    return operatingPoint;
  }

  public Set<Label> labels() {
    return labels;
  }

  /** The masking style's implementation, e.g. to restore a reversible redaction. */
  public Masker masker() {
    return masker;
  }

  public List<Detector> detectors() {
    return detectors;
  }

  /** Configures a {@link PrivacyFilter}. Defaults: all labels, {@code balanced}, placeholder masking. */
  public static final class Builder {
    private List<Detector> detectors;
    private OperatingPoint operatingPoint = OperatingPoint.BALANCED;
    private Set<Label> labels = EnumSet.allOf(Label.class);
    private Masker masker = new PlaceholderMasker();
    private String phoneRegion = "US";
    private List<String> suppressed = List.of();

    private Builder() {}

    public Builder operatingPoint(OperatingPoint point) {
      this.operatingPoint = Objects.requireNonNull(point);
      return this;
    }

    /** Reports only these labels. */
    public Builder labels(Set<Label> selected) {
      if (selected.isEmpty()) {
        throw new IllegalArgumentException("select at least one label");
      }
      this.labels = EnumSet.copyOf(selected);
      return this;
    }

    public Builder masker(Masker m) {
      this.masker = Objects.requireNonNull(m);
      return this;
    }

    /**
     * The region (ISO 3166 alpha-2) whose national phone formats are recognised without a country code.
     * Numbers written with + or 00 and a country code are found whatever the region.
     */
    public Builder phoneRegion(String region) {
      this.phoneRegion = Objects.requireNonNull(region);
      return this;
    }

    /**
     * Strings to mask wherever they occur, case- and spacing-insensitively, at every operating point: the
     * suppression list of "remove my data from model outputs" requests. Each needs three or more
     * non-space characters.
     */
    public Builder suppress(java.util.Collection<String> strings) {
      this.suppressed = List.copyOf(strings);
      return this;
    }

    /** Replaces the default detectors. */
    public Builder detectors(List<Detector> list) {
      this.detectors = List.copyOf(list);
      return this;
    }

    public PrivacyFilter build() {
      return new PrivacyFilter(this);
    }
  }
}
