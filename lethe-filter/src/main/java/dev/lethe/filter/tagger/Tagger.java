package dev.lethe.filter.tagger;

import dev.lethe.filter.Label;
import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.Span;
import dev.lethe.filter.detect.ContextualDetector;
import dev.lethe.filter.detect.DateDetector;
import dev.lethe.filter.detect.SpanResolver;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Objects;

/**
 * Finds names, postal addresses and personal dates from context with a linear-chain CRF (see {@link
 * Features} and {@link CrfModel}). Text of any length is processed in chunks of about 20,000 chars cut at
 * line breaks or spaces, and decoded in segments of at most {@value #SEGMENT} tokens cut at sentence or
 * line ends, so memory stays bounded and offsets stay exact. Each span's score is the calibrated mean
 * probability, under the model, that its tokens carry its label. A person span that is exactly the full
 * name of a public figure in the model's list ("Abraham Lincoln"), said in a public role ({@link
 * PublicFigures}), scores at most {@value #PUBLIC_FIGURE_SCORE}: such names are not private (CONVENTIONS.md),
 * so only the recall operating point masks them. A last pass makes the text agree with itself ({@link
 * NameEchoes}): "Pearl said" is a name when "Marc Pearl" was tagged earlier.
 */
public final class Tagger implements ContextualDetector {
  static final String NAME = "tagger";
  static final int SEGMENT = 256;
  /** Score of a person span that is exactly the full name of a public figure or fictional character. */
  static final double PUBLIC_FIGURE_SCORE = 0.45;
  private static final int CHUNK = 20_000;
  private static final String MODEL_RESOURCE = "model.bin";

  private final CrfModel model;
  private final double tokenThreshold;
  private final double personThreshold;

  public Tagger(CrfModel model, OperatingPoint point) {
    this.model = Objects.requireNonNull(model);
    this.tokenThreshold = model.tokenThreshold(point);
    this.personThreshold = point.threshold(Label.PRIVATE_PERSON);
  }

  /** The model trained by {@code lethe train} and bundled with Lethe, or null when none is bundled. */
  public static CrfModel bundledModel() {
    return Bundled.MODEL;
  }

  private static final class Bundled {
    static final CrfModel MODEL = load();

    private static CrfModel load() {
      try (InputStream in = Tagger.class.getResourceAsStream(MODEL_RESOURCE)) {
        return in == null ? null : CrfModel.read(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the bundled tagger model", e);
      }
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  /**
   * The spans the tagger reads as features: the other detectors' spans ({@code found}) and the date
   * rules' candidates, resolved. Training builds its features through here too.
   */
  public static List<Span> priors(String text, List<Span> found) {
    List<Span> all = new java.util.ArrayList<>(found);
    new DateDetector().detect(text, all);
    placeholders(text, all);
    all.removeIf(s -> s.score() < OperatingPoint.RECALL.threshold(s.label()));
    return SpanResolver.resolve(all);
  }

  private static final String PLACEHOLDER = "placeholder";
  private static final java.util.regex.Pattern PLACEHOLDERS = java.util.regex.Pattern.compile(
      "<(PRIVATE_PERSON|PRIVATE_ADDRESS|PRIVATE_EMAIL|PRIVATE_PHONE|PRIVATE_URL|PRIVATE_DATE|ACCOUNT_NUMBER|SECRET)"
          + "(?:_\\d+|:[0-9a-f]+)?>");

  /** Placeholders a masker left in the text, read as spans of their label. */
  private static void placeholders(String text, List<Span> out) {
    if (text.indexOf('<') < 0) {
      return;
    }
    java.util.regex.Matcher m = PLACEHOLDERS.matcher(text);
    while (m.find()) {
      out.add(new Span(Label.valueOf(m.group(1)), null, m.start(), m.end(), 1.0, PLACEHOLDER));
    }
  }

  /**
   * The tokens of {@code text[from, to)} as the tagger reads them: each structured span among {@code
   * priors} (an e-mail, a phone, a secret, ...) and each placeholder is one token standing for its label,
   * so the tagger reads "call +44 20 7946 0958 on March 3" and "call &lt;PRIVATE_PHONE&gt; on March 3"
   * alike and masking one span never changes how its neighbours are read. Training uses this too.
   */
  public static Tokens tokens(String text, int from, int to, List<Span> priors) {
    List<Span> wholes = new java.util.ArrayList<>();
    for (Span p : priors) {
      if (p.end() > from && p.start() < to && p.start() >= from && p.end() <= to
          && (Tags.labelIndex(p.label()) < 0 || PLACEHOLDER.equals(p.detector()))) {
        wholes.add(p);
      }
    }
    return Tokens.of(text, from, to).merging(wholes);
  }

  @Override
  public void detect(String text, List<Span> found, List<Span> out) {
    found = priors(text, found);
    int n = text.length();
    int from = 0;
    int before = out.size();
    while (from < n) {
      int to = chunkEnd(text, from);
      tagChunk(text, from, to, found, out);
      from = to;
    }
    NameEchoes.add(text, found, out, before, personThreshold, model.lexicon());
  }

  private static int chunkEnd(String text, int from) {
    int n = text.length();
    if (n - from <= CHUNK) {
      return n;
    }
    int limit = from + CHUNK;
    int nl = text.lastIndexOf('\n', limit);
    if (nl > from + CHUNK / 2) {
      return nl + 1;
    }
    for (int i = limit; i > from + CHUNK / 2; i--) {
      if (Character.isWhitespace(text.charAt(i))) {
        return i + 1;
      }
    }
    return Character.isHighSurrogate(text.charAt(limit - 1)) ? limit + 1 : limit;
  }

  private void tagChunk(String text, int from, int to, List<Span> found, List<Span> out) {
    found = within(found, from, to);
    Tokens t = tokens(text, from, to, found);
    if (t.size() == 0) {
      return;
    }
    float[] emit = model.emissions(Features.contextual(t, model.lexicon(), found));
    int a = 0;
    while (a < t.size()) {
      int b = segmentEnd(t, a);
      decode(t, emit, a, b, out);
      a = b;
    }
  }

  /** The spans of a sorted, disjoint list that overlap {@code [from, to)}, found by binary search. */
  private static List<Span> within(List<Span> sorted, int from, int to) {
    int lo = 0;
    int hi = sorted.size();
    while (lo < hi) {
      int mid = (lo + hi) >>> 1;
      if (sorted.get(mid).end() <= from) {
        lo = mid + 1;
      } else {
        hi = mid;
      }
    }
    int end = lo;
    while (end < sorted.size() && sorted.get(end).start() < to) {
      end++;
    }
    return sorted.subList(lo, end);
  }

  /** End of a segment starting at {@code a}: at most SEGMENT tokens, preferably after a line or sentence end. */
  static int segmentEnd(Tokens t, int a) {
    int n = t.size();
    if (n - a <= SEGMENT) {
      return n;
    }
    int limit = a + SEGMENT;
    for (int i = limit; i > a + SEGMENT / 2; i--) {
      if (t.newlineBefore(i)) {
        return i;
      }
    }
    String text = t.text();
    for (int i = limit; i > a + SEGMENT / 2; i--) {
      char c = text.charAt(t.start(i - 1));
      if (t.end(i - 1) - t.start(i - 1) == 1 && (c == '.' || c == '!' || c == '?')) {
        return i;
      }
    }
    return limit;
  }

  /**
   * Posterior decoding: a span is a maximal run of tokens whose probability of lying inside one label
   * reaches the operating point's token threshold, split where the model expects one span to end and the
   * next to begin, and (except addresses) ended at a line break. Its raw score is the mean of those
   * probabilities. Unlike the single best path, this never drops a name because the model hesitates about
   * a neighbouring token.
   */
  /**
   * Decodes the stretches of the segment where a span may open, each with {@value #CONTEXT} tokens of
   * context on both sides; between them every token is O beyond doubt and costs nothing more.
   */
  private void decode(Tokens t, float[] emit, int a, int b, List<Span> out) {
    int i = a;
    while (i < b) {
      if (!plausible(emit, i, true)) {
        i++;
        continue;
      }
      int from = Math.max(a, i - CONTEXT);
      int last = i;
      for (int j = i + 1; j < b && j - last <= 2 * CONTEXT; j++) {
        if (plausible(emit, j, false)) {
          last = j;
        }
      }
      int to = Math.min(b, last + CONTEXT + 1);
      decodeStretch(t, emit, from, to, out);
      i = to;
    }
  }

  /** Tokens of context kept on each side of a stretch that may hold a span. */
  static final int CONTEXT = 3;
  /** How far (in log odds) a label tag may trail O and still be considered. */
  private static final float MARGIN = 5f;

  /**
   * Whether token {@code i} may open a span (a B or S tag within {@link #MARGIN} of O), or, when {@code
   * opening} is false, may also continue one (any label tag within the margin).
   */
  private static boolean plausible(float[] emit, int i, boolean opening) {
    int base = i * Tags.COUNT;
    float o = emit[base + Tags.O] - MARGIN;
    for (int t = 1; t < Tags.COUNT; t++) {
      int part = Tags.partOf(t);
      if ((!opening || part == Tags.B || part == Tags.S) && emit[base + t] > o) {
        return true;
      }
    }
    return false;
  }

  private void decodeStretch(Tokens t, float[] emit, int a, int b, List<Span> out) {
    Lattice lattice = new Lattice(emit, a, b - a, model.expTransitions(), null);
    int n = b - a;
    int labels = Tags.LABELS.length;
    int i = 0;
    while (i < n) {
      int label = -1;
      double inside = 0;
      for (int l = 0; l < labels; l++) {
        double p = inside(lattice, i, l);
        if (p > inside) {
          inside = p;
          label = l;
        }
      }
      if (label < 0 || inside < tokenThreshold) {
        i++;
        continue;
      }
      if (t.standsFor(a + i) != null) {
        i++;
        continue; // a structured span or a placeholder is never part of a name, address or date
      }
      int j = i;
      double sum = inside;
      int gap = 0;
      boolean multiLine = Tags.LABELS[label] == Label.PRIVATE_ADDRESS;
      boolean mayAdjoin = Tags.LABELS[label] == Label.PRIVATE_DATE; // "Oct 2–Oct 4": two dates side by side
      while (j + 1 < n) {
        double next = inside(lattice, j + 1, label);
        if (multiLine && next < tokenThreshold) {
          int bridged = bridge(t, lattice, a, j + 1, n, label);
          if (bridged > j + 1) {
            gap += bridged - (j + 1); // the weak tokens are masked with the span but do not score it
            j = bridged - 1;
            continue;
          }
        }
        if (next < tokenThreshold || !multiLine && t.newlineBefore(a + j + 1)
            || mayAdjoin && splits(lattice, j + 1, label) || t.standsFor(a + j + 1) != null) {
          break; // names and dates stay on one line; a postal address may span several
        }
        j++;
        sum += next;
      }
      int first = i;
      while (first < j && edgePunctuation(t, a + first, false)) {
        sum -= inside(lattice, first, label);
        first++;
      }
      int lastTok = j;
      while (lastTok > first && edgePunctuation(t, a + lastTok, true)) {
        sum -= inside(lattice, lastTok, label);
        lastTok--;
      }
      if (edgePunctuation(t, a + first, false)) {
        i = j + 1;
        continue; // nothing but punctuation
      }
      int scored = Math.max(1, lastTok - first + 1 - gap);
      double score = Math.min(1, Math.max(0, model.calibration().apply(sum / scored)));
      Label l = Tags.LABELS[label];
      String subtype = null;
      if (l == Label.PRIVATE_PERSON && PublicFigures.isPublic(t, a + first, a + lastTok + 1, model.lexicon(),
          model.lexicon().namesPublicFigure(t, a + first, a + lastTok + 1))) {
        score = Math.min(score, PUBLIC_FIGURE_SCORE); // named as a public figure: masked at recall only
        subtype = "public_figure";
      }
      if (l != Label.PRIVATE_PERSON || isText(t.text(), t.start(a + first), t.end(a + lastTok))) {
        out.add(new Span(l, subtype, t.start(a + first), t.end(a + lastTok), score, NAME));
      }
      i = j + 1;
    }
  }

  /** Longest gap an address may bridge, and the probability each token of it must keep. */
  private static final int BRIDGE = 8;
  private static final double BRIDGE_INSIDE = 0.1;

  /**
   * Where an address run may continue after a weak stretch starting at {@code from}: the end of a gap of
   * at most {@value #BRIDGE} tokens on one line, each still at least {@value #BRIDGE_INSIDE} likely to be
   * address, that is followed by a confident address token (a unit such as "2.º Esq." between a street and
   * its postcode). Returns {@code from} when there is no such gap.
   */
  private int bridge(Tokens t, Lattice lattice, int a, int from, int n, int label) {
    for (int k = from; k < n && k < from + BRIDGE; k++) {
      if (t.newlineBefore(a + k) || t.standsFor(a + k) != null) {
        return from;
      }
      double p = inside(lattice, k, label);
      if (p >= tokenThreshold) {
        return k;
      }
      if (p < BRIDGE_INSIDE) {
        return from;
      }
    }
    return from;
  }

  /**
   * Whether token {@code i} is punctuation that never begins or ends a name, address or date: a comma,
   * a quote, a bracket, a dash. A period ends a span only after an abbreviation ("Jr.", "St.", "Ave.").
   */
  private static boolean edgePunctuation(Tokens t, int i, boolean atEnd) {
    if (t.end(i) - t.start(i) != 1 || t.standsFor(i) != null) {
      return false;
    }
    char c = t.text().charAt(t.start(i));
    if (Character.isLetterOrDigit(c)) {
      return false;
    }
    if (c == '.' && atEnd && i > 0 && t.end(i - 1) == t.start(i)) {
      int len = t.end(i - 1) - t.start(i - 1);
      return !(len <= 4 && Character.isLetter(t.text().charAt(t.start(i - 1))));
    }
    return c != '#' && c != '&';
  }

  private static double inside(Lattice lattice, int i, int label) {
    double p = 0;
    for (int part = 0; part < Tags.PARTS; part++) {
      p += lattice.marginal(i, Tags.tag(label, part));
    }
    return p;
  }

  /**
   * Whether a span of {@code label} ends before token {@code i} and a new one starts at it (E or S, then B
   * or S) with probability above one half, by the pair marginals. Only dates are split this way: two
   * names or two addresses side by side with nothing between them are too rare to trust the model on it.
   */
  private static boolean splits(Lattice lattice, int i, int label) {
    int b = Tags.tag(label, Tags.B);
    int in = Tags.tag(label, Tags.I);
    int e = Tags.tag(label, Tags.E);
    int s = Tags.tag(label, Tags.S);
    double cont = lattice.pairMarginal(i, b, in) + lattice.pairMarginal(i, b, e) + lattice.pairMarginal(i, in, in)
        + lattice.pairMarginal(i, in, e);
    double split = lattice.pairMarginal(i, e, b) + lattice.pairMarginal(i, e, s) + lattice.pairMarginal(i, s, b)
        + lattice.pairMarginal(i, s, s);
    return split > 0.5 && split > cont;
  }

  /**
   * Whether {@code text[from, to)} is free of control characters and unpaired surrogates: a name never holds
   * one, while the model, which sees such a char only as an odd shape, may run a span over it.
   */
  private static boolean isText(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (Character.isISOControl(c) && c != '\t' || Character.isHighSurrogate(c)
          && (i + 1 >= to || !Character.isLowSurrogate(text.charAt(i + 1)))
          || Character.isLowSurrogate(c) && (i == from || !Character.isHighSurrogate(text.charAt(i - 1)))) {
        return false;
      }
    }
    return true;
  }
}
