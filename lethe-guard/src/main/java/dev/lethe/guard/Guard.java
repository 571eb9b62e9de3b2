package dev.lethe.guard;

import dev.lethe.filter.Label;
import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.Span;
import dev.lethe.filter.mask.MaskKey;
import dev.lethe.filter.mask.Masker;
import dev.lethe.filter.mask.Maskers;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keeps private data about people out of a model's answer: entries of the suppression list, the policy's
 * labels, and names of private individuals with their attributes; names of public figures stay. It masks,
 * refuses or only reports, as its {@link GuardPolicy} says, on a whole answer ({@link #check}) or on one that
 * arrives in chunks ({@link #stream}), with the same result either way.
 *
 * <pre>{@code
 * Guard guard = Guard.builder().policy(policy).suppressions(Suppressions.of(list, "US")).build();
 * GuardResult r = guard.check(answer, prompt);
 *
 * GuardStream s = guard.stream(prompt);
 * for (String token : tokens) send(s.push(token));
 * send(s.finish());
 * }</pre>
 *
 * <p>An answer is decided piece by piece at {@linkplain Segmenter commit points} (sentence and line ends): a
 * piece is checked with the filter over up to {@value #CONTEXT} chars before it and up to {@value #LOOKAHEAD}
 * after it, and when a span found there runs past the piece's end, the piece grows to the next commit point
 * (up to {@value #MAX_PIECE} chars), so a span is never cut at a piece boundary. A streamed answer is
 * therefore held back by at most the rest of its current sentence plus the look-ahead.
 *
 * <p>Data the prompt holds is the caller's own: a value the filter finds in the prompt is not masked when the
 * answer repeats it, except entries of the suppression list, which are always acted on. Numbered placeholders
 * ({@code <PRIVATE_PERSON_1>}, the reversible style's) are never masked: the gateway restores them.
 *
 * <p>Immutable and thread-safe; a {@link GuardStream} is for one answer and one thread.
 */
public final class Guard {
  /** Chars before a piece that its check reads. */
  static final int CONTEXT = 256;
  /** Chars after a piece that its check reads (or up to the next commit point, if nearer). */
  static final int LOOKAHEAD = 32;
  /** A piece does not grow past this many chars to keep a span whole; the span is then masked across pieces. */
  static final int MAX_PIECE = 4096;
  static final String PUBLIC_FIGURE = "public_figure";
  private static final Pattern NUMBERED_PLACEHOLDER = Pattern.compile(
      "<(?:PRIVATE_PERSON|PRIVATE_ADDRESS|PRIVATE_EMAIL|PRIVATE_PHONE|PRIVATE_URL|PRIVATE_DATE|ACCOUNT_NUMBER|SECRET)_\\d+>");

  private final GuardPolicy policy;
  private final PrivacyFilter filter;
  private final Suppressions suppressions;
  private final Masker masker;
  private final RequestCheck requests;

  private Guard(GuardPolicy policy, PrivacyFilter filter, Suppressions suppressions, Masker masker,
      RequestCheck requests) {
    this.policy = policy;
    this.filter = filter;
    this.suppressions = suppressions;
    this.masker = masker;
    this.requests = requests;
  }

  public static Builder builder() {
    return new Builder();
  }

  public GuardPolicy policy() {
    return policy;
  }

  /** This guard with another suppression list (the list grows as requests complete); the rest is shared. */
  public Guard withSuppressions(Suppressions list) {
    return new Guard(policy, filter, Objects.requireNonNull(list), masker, requests);
  }

  /** Guards a whole answer to no known prompt. */
  public GuardResult check(String answer) {
    return check(answer, null);
  }

  /** Guards a whole answer to {@code prompt} (null when unknown); the same as streaming it in any chunks. */
  public GuardResult check(String answer, String prompt) {
    GuardStream s = stream(prompt);
    s.push(answer);
    s.finish();
    return s.result();
  }

  /** A stream for one answer to {@code prompt} (null when unknown). */
  public GuardStream stream(String prompt) {
    PrivateDataRequest request = prompt == null ? null : request(prompt).orElse(null);
    return new GuardStream(this, request, refuses(request), prompt == null ? Set.of() : promptValues(prompt));
  }

  /**
   * The prompt's request for a private individual's contact or identity data, if it makes one. The gateway
   * asks before calling the model, so a refused request never reaches it.
   */
  public Optional<PrivateDataRequest> request(String prompt) {
    return requests.find(prompt, suppressions);
  }

  /**
   * What this guard acts on in {@code text} read whole: the policy's labels without public figures, and the
   * suppression list. The gateway masks prompts with it before they leave for the model.
   */
  public List<Finding> find(String text) {
    return findings(text, 0, Set.of()).stream().map(Finding::of).toList();
  }

  /** Whether a request found in a prompt is answered with the refusal message under this policy. */
  public boolean refuses(PrivateDataRequest request) {
    return request != null && policy.refuseRequests() && policy.mode() != GuardPolicy.Mode.REPORT;
  }

  Masker masker() {
    return masker;
  }

  /**
   * What to act on in {@code window} (which starts at answer offset {@code offset}): the policy's labels
   * without public figures, values of the prompt and placeholders, plus the suppression list; overlapping
   * spans united. Offsets are the answer's.
   */
  List<Span> findings(String window, int offset, Set<String> promptValues) {
    List<Span> all = new ArrayList<>();
    List<int[]> placeholders = new ArrayList<>();
    Matcher m = NUMBERED_PLACEHOLDER.matcher(window);
    while (m.find()) {
      placeholders.add(new int[] {m.start(), m.end()});
    }
    for (Span s : filter.detect(window)) {
      if (!PUBLIC_FIGURE.equals(s.subtype()) && !promptValues.contains(normalized(s.textIn(window)))) {
        all.addAll(without(s, window, placeholders));
      }
    }
    all.addAll(suppressions.find(window));
    List<Span> united = united(all);
    List<Span> out = new ArrayList<>(united.size());
    for (Span s : united) {
      out.add(s.withBounds(s.start() + offset, s.end() + offset));
    }
    return out;
  }

  /**
   * {@code spans} with each group of overlapping ones made one span over all of them (masking must cover the
   * union): the suppression entry's label wins, else the longer span's. Sorts {@code spans}.
   */
  static List<Span> united(List<Span> spans) {
    spans.sort(Span.BY_POSITION);
    List<Span> united = new ArrayList<>(spans.size());
    for (Span s : spans) {
      Span last = united.isEmpty() ? null : united.get(united.size() - 1);
      if (last != null && s.start() < last.end()) {
        boolean lastWins = suppressed(last) || !suppressed(s) && last.length() >= s.length();
        united.set(united.size() - 1, (lastWins ? last : s).withBounds(last.start(), Math.max(last.end(), s.end())));
      } else {
        united.add(s);
      }
    }
    return united;
  }

  private static boolean suppressed(Span s) {
    return Suppressions.SUPPRESSED.equals(s.subtype());
  }

  /** {@code s} without the placeholders inside it: the parts between them. */
  private static List<Span> without(Span s, String window, List<int[]> placeholders) {
    List<Span> parts = new ArrayList<>(1);
    int from = s.start();
    for (int[] p : placeholders) {
      if (p[1] <= from || p[0] >= s.end()) {
        continue;
      }
      if (p[0] > from) {
        parts.add(s.withBounds(from, p[0]));
      }
      from = Math.max(from, p[1]);
    }
    if (from < s.end()) {
      parts.add(from == s.start() ? s : s.withBounds(from, s.end()));
    }
    parts.removeIf(p -> p.textIn(window).codePoints().noneMatch(Character::isLetterOrDigit));
    return parts;
  }

  private Set<String> promptValues(String prompt) {
    Set<String> values = new HashSet<>();
    for (Span s : filter.detect(prompt)) {
      values.add(normalized(s.textIn(prompt)));
    }
    return values;
  }

  /** How a prompt value and an answer value are compared: case and runs of white space ignored. */
  private static String normalized(String value) {
    return value.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
  }

  /** Configures a {@link Guard}. Defaults: {@link GuardPolicy#defaults()}, no suppression list, region US. */
  public static final class Builder {
    private GuardPolicy policy = GuardPolicy.defaults();
    private Suppressions suppressions = Suppressions.none();
    private MaskKey key;
    private String phoneRegion = Maskers.DEFAULT_REGION;

    private Builder() {}

    public Builder policy(GuardPolicy p) {
      this.policy = Objects.requireNonNull(p, "policy");
      return this;
    }

    public Builder suppressions(Suppressions list) {
      this.suppressions = Objects.requireNonNull(list, "suppressions");
      return this;
    }

    /** The key of the hash and surrogate styles; null takes {@link MaskKey#fromEnvironment()} when needed. */
    public Builder maskKey(MaskKey k) {
      this.key = k;
      return this;
    }

    /** ISO 3166 region of phone numbers written without country code. */
    public Builder phoneRegion(String region) {
      this.phoneRegion = Objects.requireNonNull(region, "region");
      return this;
    }

    public Guard build() {
      PrivacyFilter filter = PrivacyFilter.builder().operatingPoint(policy.operatingPoint()).labels(policy.labels())
          .phoneRegion(phoneRegion).build();
      PrivacyFilter people = PrivacyFilter.builder().operatingPoint(policy.operatingPoint())
          .labels(EnumSet.of(Label.PRIVATE_PERSON)).phoneRegion(phoneRegion).build();
      return new Guard(policy, filter, suppressions, Maskers.create(policy.maskStyle(), key, phoneRegion),
          new RequestCheck(people));
    }
  }
}
