package dev.lethe.guard;

import dev.lethe.filter.Label;
import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.mask.MaskStyle;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What the guard keeps out of an answer and what it does when it finds it: the labels it looks for, the
 * operating point, the mode, the refusal message and the masking style. Entries of the suppression list are
 * always acted on, whatever the labels and operating point; names of public figures never are.
 *
 * <pre>{@code
 * GuardPolicy policy = GuardPolicy.builder().mode(GuardPolicy.Mode.REFUSE)
 *     .labels(EnumSet.of(Label.PRIVATE_PERSON, Label.PRIVATE_ADDRESS, Label.PRIVATE_PHONE)).build();
 * }</pre>
 *
 * Immutable.
 */
public final class GuardPolicy {
  /** The refusal message unless configured. */
  public static final String DEFAULT_REFUSAL = "I can't share personal information about private individuals.";

  /** What the guard does with private data it finds. */
  public enum Mode {
    /** Replace each span with the masking style's replacement; the rest of the answer stays. */
    MASK,
    /** End the answer at the first piece holding private data, with the refusal message instead of that piece. */
    REFUSE,
    /** Change nothing; only report what was found. */
    REPORT;

    public String id() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** Parses {@code mask}, {@code refuse} or {@code report}, case-insensitively. */
    public static Mode fromId(String id) {
      for (Mode m : values()) {
        if (m.id().equalsIgnoreCase(id.strip())) {
          return m;
        }
      }
      throw new IllegalArgumentException("unknown guard mode '" + id + "'; known: "
          + Arrays.stream(values()).map(Mode::id).collect(Collectors.joining(", ")));
    }
  }

  private final Set<Label> labels;
  private final Mode mode;
  private final OperatingPoint operatingPoint;
  private final String refusal;
  private final MaskStyle maskStyle;
  private final boolean refuseRequests;

  private GuardPolicy(Builder b) {
    this.labels = Set.copyOf(b.labels);
    this.mode = b.mode;
    this.operatingPoint = b.operatingPoint;
    this.refusal = b.refusal;
    this.maskStyle = b.maskStyle;
    this.refuseRequests = b.refuseRequests;
  }

  /** The defaults: all labels, {@code balanced}, mask with placeholders, refuse requests for private data. */
  public static GuardPolicy defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  /** A builder starting from this policy, to override some of it (a route's policy over its tenant's). */
  public Builder toBuilder() {
    return new Builder().labels(labels).mode(mode).operatingPoint(operatingPoint).refusal(refusal)
        .maskStyle(maskStyle).refuseRequests(refuseRequests);
  }

  public Set<Label> labels() {
    return labels;
  }

  public Mode mode() {
    return mode;
  }

  public OperatingPoint operatingPoint() {
    return operatingPoint;
  }

  /** What a refused answer says instead. */
  public String refusal() {
    return refusal;
  }

  public MaskStyle maskStyle() {
    return maskStyle;
  }

  /**
   * Whether a prompt asking for a private individual's contact or identity data (their address, phone, e-mail,
   * birth date, account numbers, passwords) is answered with the refusal message, in mask and refuse mode.
   */
  public boolean refuseRequests() {
    return refuseRequests;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof GuardPolicy p && labels.equals(p.labels) && mode == p.mode
        && operatingPoint == p.operatingPoint && refusal.equals(p.refusal) && maskStyle == p.maskStyle
        && refuseRequests == p.refuseRequests;
  }

  @Override
  public int hashCode() {
    return Objects.hash(labels, mode, operatingPoint, refusal, maskStyle, refuseRequests);
  }

  @Override
  public String toString() {
    return "GuardPolicy[mode=" + mode.id() + ", operating_point=" + operatingPoint.id() + ", labels="
        + labels.stream().map(Label::id).sorted().toList() + ", mask=" + maskStyle.id() + ", refuse_requests="
        + refuseRequests + "]";
  }

  /** Configures a {@link GuardPolicy}. */
  public static final class Builder {
    private Set<Label> labels = EnumSet.allOf(Label.class);
    private Mode mode = Mode.MASK;
    private OperatingPoint operatingPoint = OperatingPoint.BALANCED;
    private String refusal = DEFAULT_REFUSAL;
    private MaskStyle maskStyle = MaskStyle.PLACEHOLDER;
    private boolean refuseRequests = true;

    private Builder() {}

    /** The labels looked for (the suppression list is acted on whatever its entries' labels). */
    public Builder labels(Set<Label> selected) {
      if (selected.isEmpty()) {
        throw new IllegalArgumentException("select at least one label");
      }
      this.labels = EnumSet.copyOf(selected);
      return this;
    }

    public Builder mode(Mode m) {
      this.mode = Objects.requireNonNull(m, "mode");
      return this;
    }

    public Builder operatingPoint(OperatingPoint point) {
      this.operatingPoint = Objects.requireNonNull(point, "operating point");
      return this;
    }

    public Builder refusal(String message) {
      if (message == null || message.isBlank()) {
        throw new IllegalArgumentException("the refusal message must not be empty");
      }
      this.refusal = message;
      return this;
    }

    /**
     * The masking style of mask mode: {@code placeholder}, {@code redact}, {@code hash} or {@code surrogate}.
     * The numbered styles are refused: a streamed answer is decided piece by piece, so their numbers would
     * start again in every piece and two people could share one.
     */
    public Builder maskStyle(MaskStyle style) {
      if (style == MaskStyle.NUMBERED || style == MaskStyle.REVERSIBLE) {
        throw new IllegalArgumentException("mask style " + style.id() + " cannot guard answers: its numbers restart"
            + " in every piece of a streamed answer; use placeholder, redact, hash or surrogate");
      }
      this.maskStyle = Objects.requireNonNull(style, "mask style");
      return this;
    }

    public Builder refuseRequests(boolean refuse) {
      this.refuseRequests = refuse;
      return this;
    }

    public GuardPolicy build() {
      return new GuardPolicy(this);
    }
  }
}
