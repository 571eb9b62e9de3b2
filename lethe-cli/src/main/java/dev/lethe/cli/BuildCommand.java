package dev.lethe.cli;

import dev.lethe.filter.mask.MaskKey;
import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.pipeline.run.BuildRequest;
import dev.lethe.pipeline.run.Runner;
import dev.lethe.pipeline.run.SnapshotBuilder;
import dev.lethe.pipeline.run.Summaries;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingSource;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true,
    description = {"Build a training snapshot from conversations, web pages and partner data.", "",
        "Reads the eligible conversations and memories of the data-controls store, crawled web pages and partner"
            + " data; masks personal information; writes shards, lineage, an exclusion log, a privacy report and a"
            + " manifest (last). With --parent, propagates deletions instead (= lethe forget).",
        "A record that cannot be read (bad JSON or UTF-8, over --max-record-bytes or --max-json-depth, a truncated"
            + " or corrupt file, a file that cannot be opened) is excluded as unreadable with its file and line or"
            + " offset; the rest is built.",
        "Progress goes to stderr: records, MB of input read, rate and ETA, as a bar on a terminal, else as a status"
            + " line every --progress-every seconds; --no-progress silences it."},
    footer = {"", "Examples:",
        "  lethe build --workspace ws --web crawl/ --partner partner/ --out snap/s1",
        "  lethe build --config pipeline.json --workspace ws --out snap/s1 --canaries 3",
        "  lethe build --workspace ws --parent snap/s1 --out snap/s2",
        "", "Keys: LETHE_PSEUDONYM_KEY (pseudonyms; required when LETHE_MODE=production), LETHE_MASK_KEY (hash and"
            + " surrogate masking). Neither is ever printed."})
final class BuildCommand implements Callable<Integer> {

  /** Where the data-controls store is: a workspace's SQLite file or PostgreSQL. */
  static final class StoreOptions {
    @Option(names = "--workspace", paramLabel = "DIR", description = "Workspace whose SQLite store (DIR/lethe.db) to read.")
    Path workspace;

    @Option(names = "--db-url", paramLabel = "URL", description = "PostgreSQL JDBC URL instead of a workspace (credentials from LETHE_DB_USER/LETHE_DB_PASSWORD).")
    String dbUrl;

    boolean given() {
      return workspace != null || dbUrl != null;
    }

    Database open() {
      if (dbUrl == null && !Files.isRegularFile(workspace.resolve("lethe.db"))) {
        throw new IllegalArgumentException("no store at " + workspace.resolve("lethe.db"));
      }
      return Database.open(workspace == null ? Path.of("workspace") : workspace, dbUrl, Clock.systemUTC());
    }

    /** How the manifest names the store: never credentials. */
    String name() {
      return dbUrl != null ? dbUrl.replaceAll("[?;].*", "") : workspace.resolve("lethe.db").toString();
    }
  }

  @Mixin StoreOptions store;

  @Mixin RunnerOptions runners;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Snapshot folder to write (new, or an unfinished build to complete).")
  Path out;

  @Option(names = "--web", paramLabel = "PATH", description = "Crawl folder or file: *.jsonl, *.warc(.gz), *.wet(.gz); robots.txt and tdmrep.json under PATH/sites/<host>/.")
  List<Path> web = new ArrayList<>();

  @Option(names = "--partner", paramLabel = "PATH", description = "Partner JSONL file or folder (licence per record or in <name>.meta.json).")
  List<Path> partner = new ArrayList<>();

  @Option(names = "--config", paramLabel = "FILE", description = "Pipeline configuration (JSON); flags below override it.")
  Path config;

  @Option(names = "--parent", paramLabel = "DIR", description = "Propagate deletions since snapshot DIR instead of building from scratch.")
  Path parent;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--shards", paramLabel = "N", description = "Number of shards (default: config, else 8).")
  Integer shards;

  @Option(names = "--operating-point", paramLabel = "POINT", description = "recall | balanced | precision (default: config, else balanced).")
  String operatingPoint;

  @Option(names = "--mask", paramLabel = "STYLE", description = "placeholder | numbered | redact | hash | surrogate (default: config, else placeholder).")
  String mask;

  @Option(names = "--max-pii-spans", paramLabel = "N", description = "Drop documents with more than N masked spans (Dolma: 5).")
  Integer maxPiiSpans;

  @Option(names = "--max-record-bytes", paramLabel = "BYTES",
      description = "Longest JSONL line or WARC/WET body read; a longer record is excluded as unreadable (default: config, else 8388608).")
  Integer maxRecordBytes;

  @Option(names = "--max-json-depth", paramLabel = "N",
      description = "Deepest nesting of a JSONL line; a deeper one is excluded as unreadable (default: config, else 64).")
  Integer maxJsonDepth;

  @Option(names = "--canaries", paramLabel = "N", defaultValue = "0",
      description = "Plant N canaries per source kind in ineligible records and N in PII positions of eligible ones.")
  int canaries;

  @Option(names = "--progress", negatable = true,
      description = "Progress bar on stderr (--no-progress: none; default: a bar when stderr is a terminal, else a status line every --progress-every seconds).")
  Boolean progress;

  @Option(names = "--progress-every", paramLabel = "SECONDS", defaultValue = "30",
      description = "Seconds between status lines when stderr is not a terminal (default: ${DEFAULT-VALUE}).")
  int progressEvery;

  @Override
  public Integer call() throws Exception {
    quietLibraries();
    if (runners.relaunch()) {
      return runners.relaunchNow();
    }
    PrintStream err = System.err;
    Pseudonyms pseudonyms = pseudonyms(err);
    if (parent != null) {
      return ForgetCommand.forget(store, parent, out, pseudonyms, System.out, runners);
    }
    PipelineConfig cfg = config == null ? PipelineConfig.defaults() : PipelineConfig.read(config);
    cfg = cfg.withFilter(operatingPoint, mask);
    if (shards != null) {
      cfg = cfg.withShards(shards);
    }
    if (maxPiiSpans != null) {
      cfg = cfg.withMaxPiiSpans(maxPiiSpans);
    }
    cfg = cfg.withReadLimits(maxRecordBytes, maxJsonDepth);
    warnMaskKey(cfg, err);
    Progress bar = new Progress(err, Progress.mode(progress), progressEvery);
    Database db = store.given() ? store.open() : null;
    try {
      BuildRequest req = new BuildRequest(cfg, pseudonyms, db == null ? null : TrainingSource.of(db),
          store.given() ? store.name() : null, web, partner, out, threads, canaries, bar::update);
      SnapshotBuilder.Result r;
      try (Runner runner = runners.open(threads)) {
        r = runner.build(req);
      }
      bar.done();
      if (r.alreadyComplete()) {
        System.out.println(out + " is already a complete snapshot (" + r.manifest().snapshotId() + "); nothing to do");
        return 0;
      }
      System.out.print(Summaries.build(r.manifest(), r.report()));
      if (!r.canaries().isEmpty()) {
        System.out.println("  canaries planted: " + r.canaries().size() + " (" + r.canaries().stream().filter(c -> !c.eligible()).count()
            + " in ineligible records, " + r.canaries().stream().filter(c -> c.eligible()).count() + " in eligible ones); run lethe verify");
      }
      System.out.println(String.format(Locale.ROOT, "  wrote %s in %.1f s", out, bar.seconds()));
      return 0;
    } finally {
      if (db != null) {
        db.close();
      }
    }
  }

  /** Library start-up chatter (connection pools, migrations) stays off the transcript unless asked for. */
  static void quietLibraries() {
    if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
      System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
    }
  }

  /** The pseudonym key from the environment, with a warning when it is the public development key. */
  static Pseudonyms pseudonyms(PrintStream err) {
    Pseudonyms p = Pseudonyms.fromEnvironment();
    if (p.isDevelopment()) {
      err.println("warning: " + Pseudonyms.KEY_VARIABLE + " is not set: using the public development pseudonym key (id "
          + p.keyId() + "); anyone can recompute its pseudonyms. Set it (and LETHE_MODE=production) for real data.");
    }
    return p;
  }

  static void warnMaskKey(PipelineConfig cfg, PrintStream err) {
    if (cfg.style().keyed() && MaskKey.fromEnvironment().isDevelopment()) {
      err.println("warning: " + MaskKey.KEY_VARIABLE + " is not set: masking style '" + cfg.maskStyle()
          + "' uses the public development key.");
    }
  }

}
