package dev.lethe.pipeline.run;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.detect.Detector;
import dev.lethe.filter.tagger.CrfModel;
import dev.lethe.filter.tagger.Tagger;
import dev.lethe.filter.mask.MaskKey;
import dev.lethe.filter.mask.Masker;
import dev.lethe.filter.mask.Maskers;
import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.audit.Canaries;
import dev.lethe.pipeline.policy.Eligibility;
import dev.lethe.pipeline.policy.Sites;
import dev.lethe.pipeline.sink.Manifest;
import dev.lethe.pipeline.sink.PrivacyReport;
import dev.lethe.pipeline.sink.SnapshotSink;
import dev.lethe.pipeline.sink.Snapshot;
import dev.lethe.pipeline.source.Digests;
import dev.lethe.pipeline.source.Inputs;
import dev.lethe.pipeline.source.PartnerSource;
import dev.lethe.pipeline.source.ReadLimits;
import dev.lethe.pipeline.source.RecordSource;
import dev.lethe.pipeline.source.StoreSource;
import dev.lethe.pipeline.source.WarcSource;
import dev.lethe.pipeline.source.WebJsonlSource;
import dev.lethe.pipeline.stage.DensityGate;
import dev.lethe.pipeline.stage.PiiMasking;
import dev.lethe.pipeline.stage.Stages;
import dev.lethe.platform.training.SuppressionEntry;
import dev.lethe.platform.training.TrainingView;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * Builds a snapshot from scratch: reads the store (one point-in-time view) and the files, applies the
 * eligibility policy and the stages on a {@link LocalRunner}, and writes the snapshot folder, manifest last.
 *
 * <p>Crash safety: every file is written under a temporary name and renamed when complete, and the
 * manifest comes last, so a build killed at any point leaves a folder without {@code manifest.json}, which
 * nothing treats as a snapshot. Running the same build again on that folder removes the leftovers and
 * builds it whole; output is deterministic, so the result is the same as an uninterrupted build.
 */
public final class SnapshotBuilder {
  /** Names a snapshot folder may contain; an unfinished folder holding anything else is not cleaned. */
  private static final List<String> OWN = List.of("shards", "lineage", Snapshot.EXCLUSIONS, Snapshot.CANARIES,
      Snapshot.REPORT_JSON, Snapshot.REPORT_HTML, Snapshot.MANIFEST);

  /** The outcome of a build. */
  public record Result(Manifest manifest, Path dir, boolean alreadyComplete, List<Canaries.Planted> canaries,
      Map<String, Object> report) {}

  private SnapshotBuilder() {}

  public static Result build(BuildRequest req) throws IOException {
    Path dir = req.out();
    if (Snapshot.complete(dir)) {
      return new Result(Manifest.read(dir), dir, true, Canaries.read(dir), null);
    }
    prepareFolder(dir);
    PipelineConfig cfg = req.config();
    List<String> suppressed = List.of();
    Long watermark = null;
    List<RecordSource> sources = new ArrayList<>();
    TrainingView view = req.store() == null ? null : req.store().open();
    try {
      if (view != null) {
        watermark = view.watermark();
        suppressed = suppressed(view);
        sources.add(new StoreSource(view, req.pseudonyms(), req.storeName()));
      }
      ReadLimits limits = cfg.readLimits();
      long inputBytes = 0;
      for (InputFile f : inputFiles(req)) {
        inputBytes += Inputs.sizeOrZero(Path.of(f.path()));
        sources.add(f.open(req.pseudonyms(), limits));
      }
      Stages stages = stages(cfg, crawlDirs(req.web()), suppressed);
      Canaries canaries = new Canaries(req.canaries(), req.pseudonyms(), stages.eligibility());
      UnaryOperator<SourceRecord> plant = canaries::plant;

      List<RecordSource.InputDigest> digests;
      SnapshotSink.Committed committed;
      SnapshotSink sink = new SnapshotSink(dir, cfg.shards(), cfg.zstdLevel());
      try {
        long[] done = new long[2];
        long totalBytes = inputBytes;
        digests = LocalRunner.run(sources, plant, stages, req.threads(), (outcome, input) -> {
          sink.accept(outcome);
          done[0]++;
          if (CrashPoints.enabled()) {
            CrashPoints.reach("records-" + done[0]);
          }
          done[1] += input.text() == null ? 0 : input.text().length();
          if (req.progress() != null && (done[0] & 63) == 0) {
            req.progress().update(done[0], done[1], bytesRead(sources), totalBytes);
          }
        });
        if (req.progress() != null) {
          req.progress().update(done[0], done[1], totalBytes, totalBytes);
        }
        CrashPoints.reach("shards-written");
        committed = sink.commit();
      } finally {
        sink.close();
      }
      CrashPoints.reach("shards-committed");
      return finish(req, watermark, digests, committed, sink.report(), canaries.planted(), stages.masking().filter());
    } finally {
      if (view != null) {
        view.close();
      }
    }
  }

  /** Bytes read so far of every input. */
  private static long bytesRead(List<RecordSource> sources) {
    long n = 0;
    for (RecordSource s : sources) {
      n += s.bytesRead();
    }
    return n;
  }

  /**
   * The last steps of a build, after shards, lineage and the exclusion log are published: canaries, the privacy
   * report, and the manifest, last. Shared by every runner so that they write the same files.
   */
  public static Result finish(BuildRequest req, Long watermark, List<RecordSource.InputDigest> digests,
      SnapshotSink.Committed committed, PrivacyReport report, List<Canaries.Planted> planted, PrivacyFilter filter)
      throws IOException {
    Path dir = req.out();
    PipelineConfig cfg = req.config();
    String id = snapshotId(null, cfg, req.pseudonyms().keyId(), digests);
    if (!planted.isEmpty()) {
      Canaries.write(dir, planted);
    }
    report.write(dir, id);
    Map<String, String> files = new LinkedHashMap<>(committed.files());
    for (String f : List.of(Snapshot.REPORT_JSON, Snapshot.REPORT_HTML, Snapshot.CANARIES)) {
      if (Files.exists(dir.resolve(f))) {
        files.put(f, Digests.file(dir.resolve(f)));
      }
    }
    CrashPoints.reach("before-manifest");
    Manifest m = new Manifest(Manifest.FORMAT, id, null, Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), watermark,
        digests, cfg.hash(), configMap(cfg), req.pseudonyms().keyId(), filterInfo(cfg, filter),
        new Manifest.Counts(report.in(), report.out(), report.excluded(), report.bySource(), report.byReason()),
        committed.shards(), files, null);
    m.write(dir);
    return new Result(m, dir, false, planted, report.toMap(id));
  }

  /** One input file of a build: a crawl file (JSONL, WARC, WET) or a partner JSONL file; a path, so it can travel. */
  public record InputFile(String path, boolean web) implements java.io.Serializable {
    private static final long serialVersionUID = 1L;

    /** The reader of this file, within {@code limits}. */
    public RecordSource open(Pseudonyms pseudonyms, ReadLimits limits) {
      Path f = Path.of(path);
      if (!web) {
        return new PartnerSource(f, pseudonyms, limits);
      }
      return f.getFileName().toString().contains(".jsonl") ? new WebJsonlSource(f, pseudonyms, limits)
          : new WarcSource(f, pseudonyms, limits);
    }
  }

  /** The input files of a build in the order they are read (after the store): crawl files, then partner files. */
  public static List<InputFile> inputFiles(BuildRequest req) throws IOException {
    List<InputFile> files = new ArrayList<>();
    for (Path w : req.web()) {
      for (Path f : Inputs.files(w, ".jsonl", ".jsonl.gz", ".jsonl.zst", ".warc", ".warc.gz", ".wet", ".wet.gz")) {
        files.add(new InputFile(f.toString(), true));
      }
    }
    for (Path p : req.partner()) {
      for (Path f : Inputs.files(p, ".jsonl", ".jsonl.gz", ".jsonl.zst")) {
        files.add(new InputFile(f.toString(), false));
      }
    }
    return files;
  }

  /** The folders holding {@code sites/} for the crawl inputs: each folder itself, a file's folder. */
  public static List<Path> crawlDirs(List<Path> web) {
    return web.stream().map(w -> Files.isDirectory(w) ? w : w.toAbsolutePath().getParent()).toList();
  }

  /** The suppression strings of a store view that the filter can match. */
  public static List<String> suppressed(TrainingView view) {
    try (Stream<SuppressionEntry> s = view.suppressionList()) {
      return s.map(SuppressionEntry::text).filter(SnapshotBuilder::suppressible).distinct().toList();
    }
  }

  /** The per-record stages of a configuration: eligibility over the crawl's site files, the filter, the density gate. */
  public static Stages stages(PipelineConfig cfg, List<Path> crawlDirs, List<String> suppressed) {
    Eligibility eligibility = new Eligibility(cfg, Sites.load(crawlDirs));
    return new Stages(eligibility, new PiiMasking(filter(cfg, suppressed)), new DensityGate(cfg.maxPiiSpans(), cfg.maxPiiPer1000Chars()));
  }

  /** The filter of a configuration: operating point, masking style and the suppression list. */
  public static PrivacyFilter filter(PipelineConfig cfg, List<String> suppressed) {
    Masker masker = Maskers.create(cfg.style(), null, cfg.phoneRegion());
    return PrivacyFilter.builder().operatingPoint(cfg.point()).phoneRegion(cfg.phoneRegion()).masker(masker)
        .suppress(suppressed).build();
  }

  /** A short digest identifying the bundled tagger model (its metadata may not carry a version). */
  private static String modelDigest() {
    try (java.io.InputStream in = Tagger.class.getResourceAsStream("model.bin")) {
      if (in == null) {
        return "unknown";
      }
      java.security.MessageDigest d = Digests.sha256();
      d.update(in.readAllBytes());
      return Digests.format(d).substring(0, 19);
    } catch (IOException e) {
      return "unknown";
    }
  }

  /** The filter accepts suppression strings of three or more non-space characters; shorter ones cannot be matched safely. */
  static boolean suppressible(String s) {
    return s != null && s.codePoints().filter(c -> !Character.isWhitespace(c)).count() >= 3;
  }

  /** Makes {@code dir} ready: created when missing; an unfinished build's leftovers removed. */
  public static void prepareFolder(Path dir) throws IOException {
    Files.createDirectories(dir);
    try (Stream<Path> s = Files.list(dir)) {
      for (Path p : s.toList()) {
        String n = p.getFileName().toString();
        String base = n.endsWith(dev.lethe.pipeline.sink.AtomicFiles.TMP) ? n.substring(0, n.length() - 4) : n;
        if (!OWN.contains(base)) {
          throw new IOException(dir + " holds " + n + ", which is not part of a snapshot; choose an empty or new folder");
        }
      }
    }
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
        if (!p.equals(dir)) {
          Files.delete(p);
        }
      }
    }
  }

  /** Content-derived: parent, configuration, key fingerprint and every input digest. */
  public static String snapshotId(String parent, PipelineConfig cfg, String keyId, List<RecordSource.InputDigest> inputs) {
    MessageDigest d = Digests.sha256();
    d.update(("parent " + parent + "\nconfig " + cfg.hash() + "\nkey " + keyId + "\n").getBytes(StandardCharsets.UTF_8));
    for (RecordSource.InputDigest i : inputs) {
      d.update((i.kind() + " " + i.name() + " " + i.digest() + "\n").getBytes(StandardCharsets.UTF_8));
    }
    return "s-" + Digests.format(d).substring("sha256:".length(), "sha256:".length() + 16);
  }

  static Map<String, Object> configMap(PipelineConfig cfg) throws IOException {
    return Manifest.MAPPER.readValue(cfg.toJson(), new TypeReference<Map<String, Object>>() {});
  }

  static Map<String, Object> filterInfo(PipelineConfig cfg, PrivacyFilter filter) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("version", Versions.filter());
    boolean tagger = filter.detectors().stream().anyMatch(d -> d.name().equals("tagger"));
    CrfModel model = tagger ? Tagger.bundledModel() : null;
    m.put("model", model == null ? "none: rule-based detectors only (no tagger model bundled)"
        : "context tagger, model digest " + modelDigest() + (model.metadata() == null ? "" : ": " + model.metadata()));
    m.put("detectors", filter.detectors().stream().map(Detector::name).toList());
    m.put("operating_point", cfg.operatingPoint());
    m.put("mask_style", cfg.maskStyle());
    if (cfg.style().keyed()) {
      m.put("mask_key_id", MaskKey.fromEnvironment().id());  // a fingerprint, never the key
    }
    m.put("suppression_entries", filter.detectors().stream().anyMatch(d -> d.name().equals("suppression")));
    return m;
  }
}
