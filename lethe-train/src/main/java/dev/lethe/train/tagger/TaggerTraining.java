package dev.lethe.train.tagger;

import dev.lethe.filter.Label;
import dev.lethe.filter.OperatingPoint;
import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.Span;
import dev.lethe.filter.detect.Detector;
import dev.lethe.filter.detect.Detectors;
import dev.lethe.filter.detect.SpanResolver;
import dev.lethe.filter.eval.DevSplit;
import dev.lethe.filter.eval.EvalReport;
import dev.lethe.filter.eval.Predictions;
import dev.lethe.filter.eval.Scorer;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.filter.io.LabeledText;
import dev.lethe.filter.tagger.Calibration;
import dev.lethe.filter.tagger.CrfModel;
import dev.lethe.filter.tagger.Features;
import dev.lethe.filter.tagger.Lexicon;
import dev.lethe.filter.tagger.Tagger;
import dev.lethe.filter.tagger.Tags;
import dev.lethe.filter.tagger.Tokens;
import dev.lethe.train.synth.SyntheticCorpus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * {@code lethe train}: builds the training set reproducibly, trains the CRF, calibrates its confidences,
 * chooses the operating points, evaluates on the held-out part of every development file, and writes the
 * model and its model card.
 *
 * <p>Training material: the train split ({@link DevSplit}) of the four development files, all of
 * usaddress, and a synthetic corpus generated with the seed. Calibration: the calibration split of the
 * development files. Reported numbers: the held-out split only.
 */
public final class TaggerTraining {
  /** What each development source annotates among the tagger's labels. */
  static final Map<String, Set<Label>> ANNOTATES = Map.of(
      "chat-dev", EnumSet.of(Label.PRIVATE_PERSON, Label.PRIVATE_ADDRESS, Label.PRIVATE_DATE),
      "presidio-synth", EnumSet.of(Label.PRIVATE_PERSON, Label.PRIVATE_ADDRESS, Label.PRIVATE_DATE),
      // BTC and GUM mark people only; their places are ignore regions (BTC) or public (news, travel guides,
      // biographies), and their dates are public events, so outside ignore regions no token is a personal
      // address or date: the tagger learns that public narrative dates are not personal.
      "btc", EnumSet.of(Label.PRIVATE_PERSON, Label.PRIVATE_ADDRESS, Label.PRIVATE_DATE),
      "gum", EnumSet.of(Label.PRIVATE_PERSON, Label.PRIVATE_ADDRESS, Label.PRIVATE_DATE),
      "usaddress", EnumSet.of(Label.PRIVATE_ADDRESS),
      "synth", EnumSet.of(Label.PRIVATE_PERSON, Label.PRIVATE_ADDRESS, Label.PRIVATE_DATE));
  static final List<String> DEV_FILES = List.of("chat-dev", "presidio-synth", "btc", "gum");

  /** Settings of one training run. */
  public record Options(Path shared, Path corpora, int synthetic, long seed, int epochs, float rate, float l2,
      float wordDropout, int minCount, Map<String, Integer> sourceWeights, Path modelOut, Path cardOut) {}

  /**
   * What a run produced: the model, its held-out report per development file (balanced, all labels) and
   * per public corpus (balanced, people only: what the corpora mark).
   */
  public record Result(CrfModel model, Map<String, EvalReport> heldout, Map<String, EvalReport> corpusHeldout,
      String card) {}

  private final Options o;
  private final Consumer<String> log;
  private final List<Detector> structured = Detectors.structured("US");

  private TaggerTraining(Options o, Consumer<String> log) {
    this.o = o;
    this.log = log;
  }

  public static Result run(Options o, Consumer<String> log) throws IOException {
    return new TaggerTraining(o, log).run();
  }

  private Result run() throws IOException {
    long started = System.nanoTime();
    CorpusFiles corpora = o.corpora() == null ? null : CorpusFiles.open(o.corpora());
    Lexicon lexicon = NameLists.build(o.shared().resolve("data/lexicon"), o.shared().resolve("data/dev/gum.jsonl"),
        corpora, o.seed());
    List<TrainingDoc> docs = load(corpora);
    List<TrainingDoc> train = docs.stream().filter(d -> d.split() == DevSplit.TRAIN).toList();
    List<TrainingDoc> calibration = docs.stream().filter(d -> d.split() == DevSplit.CALIBRATION).toList();
    Map<String, Long> bySource = new LinkedHashMap<>();
    train.forEach(d -> bySource.merge(d.source(), 1L, Long::sum));
    log.accept("training documents per source: " + bySource + "; calibration documents: " + calibration.size());

    // features of every training document, then the feature dictionary (seen at least minCount times)
    List<long[]> hashes = new ArrayList<>(train.size());
    List<boolean[]> identities = new ArrayList<>(train.size());
    List<int[]> offsets = new ArrayList<>(train.size());
    List<int[]> masks = new ArrayList<>(train.size());
    Map<Long, Integer> counts = new HashMap<>(1 << 22);
    for (TrainingDoc d : train) {
      String text = d.doc().text();
      List<Span> priors = Tagger.priors(text, structuredSpans(text));
      Tokens t = Tagger.tokens(text, 0, text.length(), priors);
      Features f = Features.of(t, lexicon, priors);
      long[] h = f.hashes();
      int[] off = f.offsets();
      hashes.add(h);
      boolean[] id = new boolean[h.length];
      for (int j = 0; j < h.length; j++) {
        id[j] = f.isIdentity(j);
      }
      identities.add(id);
      offsets.add(off);
      masks.add(Annotation.masks(d.doc(), t, d.annotated(), lexicon, !ANNOTATES.containsKey(d.source())));
      for (long x : h) {
        counts.merge(x, 1, Integer::sum);
      }
    }
    Map<Long, Integer> rowOf = new HashMap<>();
    List<Long> keys = new ArrayList<>();
    counts.forEach((k, c) -> {
      if (c >= o.minCount()) {
        rowOf.put(k, keys.size());
        keys.add(k);
      }
    });
    counts.clear();
    List<Example> examples = new ArrayList<>(train.size());
    long tokens = 0;
    for (int i = 0; i < train.size(); i++) {
      long[] h = hashes.get(i);
      boolean[] id = identities.get(i);
      int[] off = offsets.get(i);
      int[] rows = new int[h.length];
      boolean[] rowIdentity = new boolean[h.length];
      int[] newOff = new int[off.length];
      int k = 0;
      for (int tok = 0; tok + 1 < off.length; tok++) {
        newOff[tok] = k;
        for (int j = off[tok]; j < off[tok + 1]; j++) {
          Integer r = rowOf.get(h[j]);
          if (r != null) {
            rowIdentity[k] = id[j];
            rows[k++] = r;
          }
        }
      }
      newOff[off.length - 1] = k;
      examples.add(new Example(train.get(i).doc().id(), train.get(i).source(), java.util.Arrays.copyOf(rows, k),
          java.util.Arrays.copyOf(rowIdentity, k), newOff, masks.get(i)));
      tokens += masks.get(i).length;
      hashes.set(i, null);
      identities.set(i, null);
    }
    log.accept(String.format(Locale.ROOT, "%,d tokens, %,d features (seen %d+ times)", tokens, keys.size(), o.minCount()));

    CrfTrainer trainer = new CrfTrainer(keys.size(), o.rate(), o.l2(), o.wordDropout());
    trainer.train(weighted(examples), o.epochs(), o.seed(), log);
    float[] half = {0.5f, 0.5f, 0.5f};
    CrfModel raw = prune(keys, trainer, lexicon, Calibration.identity(), half);
    log.accept(String.format(Locale.ROOT, "kept %,d features after pruning", raw.features()));

    Calibration cal = calibrate(raw, calibration);
    CrfModel calibrated = withCalibration(raw, cal, half);
    float[] thresholds = chooseThresholds(calibrated, calibration);
    double minutes = (System.nanoTime() - started) / 60e9;
    String meta = String.format(Locale.ROOT,
        "{\"trained\":\"lethe train\",\"seed\":%d,\"synthetic\":%d,\"epochs\":%d,\"features\":%d,\"tokens\":%d}",
        o.seed(), o.synthetic(), o.epochs(), raw.features(), tokens);
    CrfModel model = rebuild(calibrated, meta, cal, thresholds);
    writeAtomically(model, o.modelOut());
    long size = Files.size(o.modelOut());
    log.accept(String.format(Locale.ROOT, "model written to %s (%.1f MB) after %.1f min; token thresholds %s",
        o.modelOut(), size / 1e6, minutes, java.util.Arrays.toString(thresholds)));

    Map<String, EvalReport> heldout = new LinkedHashMap<>();
    Map<String, Map<OperatingPoint, EvalReport>> perPoint = new LinkedHashMap<>();
    List<double[]> reliability = new ArrayList<>();
    for (String file : DEV_FILES) {
      List<LabeledText> held = Jsonl.read(o.shared().resolve("data/dev/" + file + ".jsonl")).stream()
          .filter(d -> DevSplit.of(d.id()) == DevSplit.HELDOUT).toList();
      Map<OperatingPoint, EvalReport> reports = new LinkedHashMap<>();
      for (OperatingPoint p : OperatingPoint.values()) {
        reports.put(p, evaluate(model, p, held));
      }
      heldout.put(file, reports.get(OperatingPoint.BALANCED));
      perPoint.put(file, reports);
      collectReliability(model, held, ANNOTATES.get(file), reliability);
      log.accept("held-out " + file + " (" + held.size() + " docs, balanced):\n" + reports.get(OperatingPoint.BALANCED).format());
    }
    Map<String, EvalReport> corpusHeldout = new LinkedHashMap<>();
    if (corpora != null) {
      for (CorpusFiles.File f : corpora.heldout()) {
        List<LabeledText> held = Jsonl.read(f.path());
        EvalReport r = evaluatePeople(model, held);
        corpusHeldout.put(f.corpus(), r);
        collectReliability(model, held, CorpusFiles.ANNOTATES, reliability);
        log.accept(String.format(Locale.ROOT, "held-out %s (%d docs, balanced, people): %s", f.corpus(), held.size(),
            r.exactByLabel().get(Label.PRIVATE_PERSON.id())));
      }
    }
    String card = ModelCard.render(o, model, size, minutes, tokens, bySource, calibration.size(), heldout, perPoint,
        corpusHeldout, corpora, reliability);
    if (o.cardOut() != null) {
      Files.createDirectories(o.cardOut().toAbsolutePath().getParent());
      Files.writeString(o.cardOut(), card);
      log.accept("model card written to " + o.cardOut());
    }
    return new Result(model, heldout, corpusHeldout, card);
  }

  // ---- data ----

  /**
   * How many times each source's documents are visited per epoch, unless the options say otherwise. Real
   * text is scarce next to the synthetic corpus and closer to what the filter will meet, so it counts more.
   */
  public static final Map<String, Integer> DEFAULT_WEIGHTS = Map.ofEntries(Map.entry("chat-dev", 3),
      Map.entry("presidio-synth", 1), Map.entry("btc", 3), Map.entry("gum", 4), Map.entry("usaddress", 1),
      Map.entry("synth", 1), Map.entry("wnut17", 3), Map.entry("crossner", 2), Map.entry("wikigold", 2),
      Map.entry("litbank", 2), Map.entry("uner-en-pud", 2), Map.entry("re3d", 2));

  private List<Example> weighted(List<Example> examples) {
    List<Example> out = new ArrayList<>();
    for (Example e : examples) {
      int w = o.sourceWeights().getOrDefault(e.source(), DEFAULT_WEIGHTS.getOrDefault(e.source(), 1));
      for (int i = 0; i < w; i++) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * GUM and BTC mark titles inside names ("Mr. Sova", "President Obama"); CONVENTIONS.md keeps them
   * outside. Training follows the conventions, so such spans lose their leading title.
   */
  private static final java.util.regex.Pattern LEADING_TITLE = java.util.regex.Pattern.compile(
      "^(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Judge|President|Senator|Sen|Rep|Governor|Gov|Mayor|Sir|Dame|Lady|"
          + "Lord|Captain|Capt|General|Gen|Colonel|Col|Officer|Detective|Father|Sister|Brother|Rev|Reverend|King|"
          + "Queen|Prince|Princess|Saint|Coach|Uncle|Aunt|Madam|Chief|Justice|Minister|Pope|Rabbi|Imam|Sheikh|"
          + "Herr|Frau)\\.?\\s+(?=\\S)");

  static LabeledText withoutLeadingTitles(LabeledText d) {
    List<LabeledText.Gold> spans = new ArrayList<>();
    for (LabeledText.Gold g : d.spans()) {
      java.util.regex.Matcher m = LEADING_TITLE.matcher(g.textIn(d.text()));
      spans.add(g.label() == Label.PRIVATE_PERSON && m.find()
          ? new LabeledText.Gold(g.label(), g.subtype(), g.start() + m.end(), g.end()) : g);
    }
    return new LabeledText(d.id(), d.text(), spans, d.ignore(), d.source());
  }

  private List<TrainingDoc> load(CorpusFiles corpora) {
    List<TrainingDoc> docs = new ArrayList<>();
    if (corpora != null) {
      docs.addAll(corpora.trainingAndCalibration());
    }
    for (String file : DEV_FILES) {
      for (LabeledText d : Jsonl.read(o.shared().resolve("data/dev/" + file + ".jsonl"))) {
        DevSplit split = DevSplit.of(d.id());
        if (split != DevSplit.HELDOUT) {
          docs.add(new TrainingDoc(withoutLeadingTitles(d), file, ANNOTATES.get(file), split));
        }
      }
    }
    for (LabeledText d : Jsonl.read(o.shared().resolve("data/train/usaddress.jsonl"))) {
      docs.add(new TrainingDoc(d, "usaddress", ANNOTATES.get("usaddress"), DevSplit.TRAIN));
    }
    for (LabeledText d : SyntheticCorpus.generate(o.seed(), o.synthetic())) {
      docs.add(new TrainingDoc(d, "synth", ANNOTATES.get("synth"), DevSplit.TRAIN));
    }
    List<TrainingDoc> lower = new ArrayList<>();
    for (TrainingDoc d : docs) {
      if (d.split() == DevSplit.TRAIN && LOWER_CASE_SOURCES.contains(d.source())
          && DevSplit.crc(d.doc().id()) % LOWER_CASE_EVERY == 0) {
        lower.add(new TrainingDoc(lowerCased(d.doc()), d.source(), d.annotated(), DevSplit.TRAIN));
      }
    }
    docs.addAll(lower);
    return docs;
  }

  /**
   * Chat is often typed all in lower case ("met priya at the station"); the training text is mostly not. A
   * lower-cased copy of one in {@value #LOWER_CASE_EVERY} chat-like documents teaches the tagger to find names
   * from context when capitals say nothing.
   */
  static final int LOWER_CASE_EVERY = 6;
  static final Set<String> LOWER_CASE_SOURCES = Set.of("chat-dev", "synth", "wnut17");

  /** The document in lower case, char by char so that every offset stays where it was. */
  static LabeledText lowerCased(LabeledText d) {
    char[] c = d.text().toCharArray();
    for (int i = 0; i < c.length; i++) {
      c[i] = Character.toLowerCase(c[i]);
    }
    return new LabeledText(d.id() + "#lower", new String(c), d.spans(), d.ignore(), d.source());
  }

  private List<Span> structuredSpans(String text) {
    List<Span> found = new ArrayList<>();
    for (Detector d : structured) {
      d.detect(text, found);
    }
    found.removeIf(s -> s.score() < OperatingPoint.RECALL.threshold(s.label()));
    return SpanResolver.resolve(found);
  }

  // ---- model assembly ----

  private static CrfModel prune(List<Long> keys, CrfTrainer trainer, Lexicon lexicon, Calibration cal,
      float[] thresholds) {
    int t = Tags.COUNT;
    List<Integer> kept = new ArrayList<>();
    for (int r = 0; r < keys.size(); r++) {
      float max = 0;
      for (int j = 0; j < t; j++) {
        max = Math.max(max, Math.abs(trainer.weights[r * t + j]));
      }
      if (max >= 0.005f) {
        kept.add(r);
      }
    }
    long[] k = new long[kept.size()];
    float[] w = new float[kept.size() * t];
    for (int i = 0; i < kept.size(); i++) {
      int r = kept.get(i);
      k[i] = keys.get(r);
      System.arraycopy(trainer.weights, r * t, w, i * t, t);
    }
    return new CrfModel("{}", k, w, trainer.transitions.clone(), lexicon, cal, thresholds);
  }

  private static CrfModel withCalibration(CrfModel m, Calibration cal, float[] thresholds) {
    return rebuild(m, m.metadata(), cal, thresholds);
  }

  private static CrfModel rebuild(CrfModel m, String meta, Calibration cal, float[] thresholds) {
    return m.withTuning(meta, cal, thresholds);
  }

  private static void writeAtomically(CrfModel model, Path out) throws IOException {
    Files.createDirectories(out.toAbsolutePath().getParent());
    Path tmp = out.resolveSibling(out.getFileName() + ".tmp");
    try (OutputStream os = Files.newOutputStream(tmp)) {
      model.write(os);
    }
    Files.move(tmp, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  // ---- calibration and operating points ----

  /** Tagger spans on one document with whether each is right, for the labels the document annotates. */
  private List<double[]> judged(CrfModel model, OperatingPoint p, TrainingDoc d) {
    List<Span> out = new ArrayList<>();
    new Tagger(model, p).detect(d.doc().text(), structuredSpans(d.doc().text()), out);
    List<double[]> judged = new ArrayList<>();
    for (Span s : out) {
      if (!d.annotated().contains(s.label()) || touchesIgnore(d.doc(), s)) {
        continue;
      }
      boolean right = d.doc().spans().stream()
          .anyMatch(g -> g.label() == s.label() && g.start() == s.start() && g.end() == s.end());
      judged.add(new double[] {s.score(), right ? 1 : 0, Tags.labelIndex(s.label())});
    }
    return judged;
  }

  private static boolean touchesIgnore(LabeledText doc, Span s) {
    return doc.ignore().stream().anyMatch(r -> s.start() < r.end() && r.start() < s.end());
  }

  private Calibration calibrate(CrfModel raw, List<TrainingDoc> calibration) {
    List<double[]> all = new ArrayList<>();
    for (TrainingDoc d : calibration) {
      all.addAll(judged(raw, OperatingPoint.BALANCED, d));
    }
    double[] x = new double[all.size()];
    boolean[] y = new boolean[all.size()];
    for (int i = 0; i < all.size(); i++) {
      x[i] = all.get(i)[0];
      y[i] = all.get(i)[1] == 1;
    }
    log.accept("calibrating on " + all.size() + " spans");
    return Calibration.fit(x, y);
  }

  /**
   * For each operating point, the token threshold that best serves it on the calibration documents: F2
   * (recall counts double) for recall, F1 for balanced, F0.5 for precision.
   */
  private float[] chooseThresholds(CrfModel calibrated, List<TrainingDoc> calibration) {
    float[] grid = {0.05f, 0.08f, 0.1f, 0.12f, 0.15f, 0.2f, 0.25f, 0.3f, 0.35f, 0.4f, 0.45f, 0.5f, 0.55f, 0.6f, 0.7f, 0.8f};
    float[] best = new float[3];
    double[] bestScore = {-1, -1, -1};
    double[] betas = {2.0, 1.0, 0.5}; // recall counts double, balanced F1, precision counts double
    for (float b : grid) {
      CrfModel m = rebuild(calibrated, calibrated.metadata(), calibrated.calibration(), new float[] {b, b, b});
      for (OperatingPoint p : OperatingPoint.values()) {
        long tp = 0;
        long pred = 0;
        long gold = 0;
        for (TrainingDoc d : calibration) {
          for (double[] j : judged(m, p, d)) {
            if (j[0] >= p.threshold(Tags.LABELS[(int) j[2]])) {
              pred++;
              tp += (long) j[1];
            }
          }
          gold += d.doc().spans().stream().filter(g -> Tags.labelIndex(g.label()) >= 0
              && d.annotated().contains(g.label())).count();
        }
        double prec = pred == 0 ? 0 : (double) tp / pred;
        double rec = gold == 0 ? 0 : (double) tp / gold;
        double beta2 = betas[p.ordinal()] * betas[p.ordinal()];
        double f = prec + rec == 0 ? 0 : (1 + beta2) * prec * rec / (beta2 * prec + rec);
        if (f > bestScore[p.ordinal()]) {
          bestScore[p.ordinal()] = f;
          best[p.ordinal()] = b;
        }
      }
    }
    return best;
  }

  // ---- held-out evaluation ----

  static PrivacyFilter filter(CrfModel model, OperatingPoint p) {
    List<Detector> detectors = new ArrayList<>(Detectors.structured("US"));
    detectors.add(new Tagger(model, p));
    return PrivacyFilter.builder().operatingPoint(p).detectors(detectors).build();
  }

  private static EvalReport evaluate(CrfModel model, OperatingPoint p, List<LabeledText> docs) {
    PrivacyFilter f = filter(model, p);
    Map<String, List<Scorer.CpSpan>> pred = new HashMap<>();
    for (LabeledText d : docs) {
      pred.put(d.id(), Predictions.ofSpans(d, f.detect(d.text())));
    }
    return Scorer.score(docs, pred, null);
  }

  /** People only: what the public corpora mark (their other labels' spans count as ignore regions). */
  private static EvalReport evaluatePeople(CrfModel model, List<LabeledText> docs) {
    PrivacyFilter f = filter(model, OperatingPoint.BALANCED);
    Map<String, List<Scorer.CpSpan>> pred = new HashMap<>();
    for (LabeledText d : docs) {
      pred.put(d.id(), Predictions.ofSpans(d, f.detect(d.text()).stream()
          .filter(s -> s.label() == Label.PRIVATE_PERSON).toList()));
    }
    return Scorer.score(docs, pred, Set.of(Label.PRIVATE_PERSON.id()));
  }

  /** (score, right) of every tagger span on held-out documents, for the reliability table. */
  private void collectReliability(CrfModel model, List<LabeledText> held, Set<Label> annotated, List<double[]> out) {
    for (LabeledText d : held) {
      out.addAll(judged(model, OperatingPoint.BALANCED, new TrainingDoc(d, "heldout", annotated, DevSplit.HELDOUT)));
    }
  }
}
