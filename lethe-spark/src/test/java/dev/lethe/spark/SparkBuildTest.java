package dev.lethe.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.io.Jsonl;
import dev.lethe.pipeline.Fixtures;
import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.audit.Verifier;
import dev.lethe.pipeline.run.BuildRequest;
import dev.lethe.pipeline.run.DemoInputs;
import dev.lethe.pipeline.run.SnapshotBuilder;
import dev.lethe.pipeline.sink.Manifest;
import dev.lethe.pipeline.sink.Snapshot;
import dev.lethe.platform.demo.DemoWorkspace;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Spark runner writes what the local runner writes: the same shard bytes, lineage, exclusion log, report and
 * manifest digests and snapshot id, on the demo inputs and on a generated corpus spread over several files, with
 * duplicates across files and partitions; also when tasks fail and are retried. One session for the class, two
 * worker threads ({@code local[2,3]}: two threads, a task may fail twice before the job does).
 */
class SparkBuildTest {
  @TempDir static Path tmp;
  static SparkSession spark;
  static JavaSparkContext jsc;
  static Path workspace;

  @BeforeAll
  static void start() {
    spark = SparkRunner.session("local[2,3]", "lethe-spark-test");
    jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    workspace = tmp.resolve("ws");
    DemoWorkspace.seed(workspace);
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  @Test
  void demoInputsGiveTheLocalRunnersBytes() throws Exception {
    Path in = tmp.resolve("demo");
    DemoInputs.extract(in);
    PipelineConfig cfg = PipelineConfig.defaults();
    try (Database db = store()) {
      SnapshotBuilder.Result local = SnapshotBuilder.build(request(cfg, db, in.resolve("web"), in.resolve("partner"), "demo-local", 2));
      SnapshotBuilder.Result distributed = SparkBuild.build(jsc, request(cfg, db, in.resolve("web"), in.resolve("partner"),
          "demo-spark", 2));
      assertSame(local.manifest(), distributed.manifest(), tmp.resolve("demo-local"), tmp.resolve("demo-spark"));
      assertThat(distributed.canaries()).as("two canaries per kind and eligibility, chosen alike").isEqualTo(local.canaries())
          .anyMatch(c -> c.eligible()).anyMatch(c -> !c.eligible());
      assertThat(Files.readAllBytes(tmp.resolve("demo-spark").resolve(Snapshot.CANARIES)))
          .isEqualTo(Files.readAllBytes(tmp.resolve("demo-local").resolve(Snapshot.CANARIES)));
      assertThat(local.manifest().counts().byReason()).containsKeys("robots_disallowed", "blocked_domain", "licence_not_allowed");
      Verifier.Report v = Verifier.verify(tmp.resolve("demo-spark"), TrainingSource.of(db), Fixtures.KEY);
      assertThat(v.violations()).isEmpty();
      assertThat(v.canaries()).isEqualTo(local.canaries().size());
    }
  }

  @Test
  void generatedCorpusOverManyFilesGivesTheLocalRunnersBytesAndConserves() throws Exception {
    Path web = tmp.resolve("gen/web");
    Path partner = tmp.resolve("gen/partner");
    corpus(web, partner);
    PipelineConfig cfg = PipelineConfig.defaults().withShards(5).withMaxPiiSpans(5);
    try (Database db = store()) {
      Manifest local = SnapshotBuilder.build(request(cfg, db, web, partner, "gen-local")).manifest();
      Manifest distributed = SparkBuild.build(jsc, request(cfg, db, web, partner, "gen-spark")).manifest();
      assertSame(local, distributed, tmp.resolve("gen-local"), tmp.resolve("gen-spark"));
      assertThat(local.counts().byReason()).containsKeys("duplicate_text", "duplicate_id", "pii_density", "unreadable",
          "robots_disallowed", "licence_not_allowed");
      assertThat(distributed.counts().recordsIn()).isEqualTo(distributed.counts().documentsOut() + distributed.counts().excluded());
      distributed.counts().bySource().forEach((k, c) -> assertThat(c.in()).as(k).isEqualTo(c.out() + c.excluded()));
      assertThat(distributed.counts().recordsIn()).isEqualTo(inputRecords(web, partner) + storeRecords(local));
      assertThat(Verifier.verify(tmp.resolve("gen-spark"), TrainingSource.of(db), Fixtures.KEY).violations()).isEmpty();
    }
  }

  @Test
  void failedTasksAreRetriedAndTheOutputIsTheSame() throws Exception {
    Path web = tmp.resolve("retry/web");
    Path partner = tmp.resolve("retry/partner");
    Fixtures.mixedInputs(web, partner, 300, 5);
    PipelineConfig cfg = PipelineConfig.defaults().withShards(3);
    try (Database db = store()) {
      Manifest local = SnapshotBuilder.build(request(cfg, db, web, partner, "retry-local")).manifest();
      java.util.concurrent.atomic.AtomicInteger failed = new java.util.concurrent.atomic.AtomicInteger();
      org.apache.spark.scheduler.SparkListener listener = new org.apache.spark.scheduler.SparkListener() {
        @Override
        public void onTaskEnd(org.apache.spark.scheduler.SparkListenerTaskEnd end) {
          if (end.taskInfo().failed()) {
            failed.incrementAndGet();
          }
        }
      };
      spark.sparkContext().addSparkListener(listener);
      jsc.setLocalProperty(SparkBuild.INJECT_FAILURE, "true");
      Manifest distributed;
      try {
        distributed = SparkBuild.build(jsc, request(cfg, db, web, partner, "retry-spark")).manifest();
      } finally {
        jsc.setLocalProperty(SparkBuild.INJECT_FAILURE, null);
        spark.sparkContext().removeSparkListener(listener);
      }
      // the listener bus is asynchronous: by the time the job returned, the failures were at least posted
      Thread.sleep(500);
      assertThat(failed.get()).as("a stage task and a shard task failed once and were retried").isGreaterThanOrEqualTo(2);
      assertSame(local, distributed, tmp.resolve("retry-local"), tmp.resolve("retry-spark"));
      try (Stream<Path> files = Files.walk(tmp.resolve("retry-spark"))) {
        assertThat(files.map(Path::toString).filter(f -> f.endsWith(".tmp"))).as("failed attempts' files removed").isEmpty();
      }
    }
  }

  @Test
  void aFailedJobLeavesNoSnapshotAndTheRerunCompletesIt() throws Exception {
    Path web = tmp.resolve("fail/web");
    Path partner = tmp.resolve("fail/partner");
    Fixtures.mixedInputs(web, partner, 200, 9);
    PipelineConfig cfg = PipelineConfig.defaults().withShards(2);
    try (Database db = store()) {
      Path out = tmp.resolve("fail-spark");
      BuildRequest req = request(cfg, db, web, partner, "fail-spark");
      jsc.setLocalProperty(SparkBuild.INJECT_FAILURE, "always");  // shard 1's task fails on every attempt
      try {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparkBuild.build(jsc, req)).hasMessageContaining("injected failure");
      } finally {
        jsc.setLocalProperty(SparkBuild.INJECT_FAILURE, null);
      }
      assertThat(Snapshot.complete(out)).isFalse();
      try (Stream<Path> files = Files.walk(out)) {
        assertThat(files.map(p -> out.relativize(p).toString()).filter(f -> f.startsWith("shards/shard-") && f.endsWith(".zst")))
            .as("no shard under its final name").isEmpty();
      }
      Manifest rerun = SparkBuild.build(jsc, req).manifest();
      Manifest local = SnapshotBuilder.build(request(cfg, db, web, partner, "fail-local")).manifest();
      assertSame(local, rerun, tmp.resolve("fail-local"), out);
    }
  }

  private static void assertSame(Manifest local, Manifest distributed, Path localDir, Path sparkDir) throws IOException {
    assertThat(distributed.snapshotId()).isEqualTo(local.snapshotId());
    assertThat(distributed.inputs()).isEqualTo(local.inputs());
    assertThat(distributed.shards()).isEqualTo(local.shards());
    assertThat(distributed.files()).isEqualTo(local.files());
    assertThat(distributed.counts()).isEqualTo(local.counts());
    for (Manifest.Shard s : local.shards()) {
      assertThat(Files.readAllBytes(sparkDir.resolve(s.file()))).as(s.file()).isEqualTo(Files.readAllBytes(localDir.resolve(s.file())));
    }
    for (String f : List.of(Snapshot.DOCUMENTS, Snapshot.SUBJECTS, Snapshot.EXCLUSIONS, Snapshot.REPORT_JSON)) {
      assertThat(Files.readAllBytes(sparkDir.resolve(f))).as(f).isEqualTo(Files.readAllBytes(localDir.resolve(f)));
    }
  }

  /**
   * Eight crawl files and six partner files (mixed fixtures in each, so duplicate texts meet across files), a
   * partner file repeating record ids, and one PII-dense record.
   */
  private static void corpus(Path web, Path partner) throws IOException {
    for (int i = 0; i < 6; i++) {
      Path w = tmp.resolve("gen/parts/web" + i);
      Path p = tmp.resolve("gen/parts/partner" + i);
      Fixtures.mixedInputs(w, p, 120, 100 + i);
      Files.createDirectories(web);
      Files.createDirectories(partner);
      Files.copy(w.resolve("pages.jsonl"), web.resolve("pages-" + i + ".jsonl"));
      Files.copy(p.resolve("partner.jsonl"), partner.resolve("partner-" + i + ".jsonl"));
      if (i == 0) {
        copyTree(w.resolve("sites"), web.resolve("sites"));
      }
    }
    List<String> repeated = new ArrayList<>();
    Random rnd = new Random(3);
    for (int i = 0; i < 40; i++) {
      var o = Jsonl.MAPPER.createObjectNode();
      o.put("id", "same-" + (i % 7));
      o.put("text", "Partner note " + rnd.nextInt(1000) + " about the spring schedule, item " + i + ".");
      o.put("licence", "CC0-1.0");
      repeated.add(o.toString());
    }
    var dense = Jsonl.MAPPER.createObjectNode();
    dense.put("id", "dense");
    dense.put("text", "Call Ana Ruiz at +1 415 555 0101, Marc Pearl at +1 415 555 0102, Greta Lind at greta@mail.example, "
        + "Salem Bitar at salem.bitar@post.example, Jo Park at +44 20 7946 0958 and Lee Chan at lee.chan@home.example.");
    dense.put("licence", "CC0-1.0");
    repeated.add(dense.toString());
    Fixtures.writeLines(partner.resolve("repeats.jsonl"), repeated);
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path t = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
  }

  private static long inputRecords(Path web, Path partner) throws IOException {
    long n = 0;
    for (Path dir : List.of(web, partner)) {
      try (Stream<Path> s = Files.list(dir)) {
        for (Path f : s.filter(f -> f.toString().endsWith(".jsonl")).toList()) {
          n += Files.readAllLines(f).stream().filter(l -> !l.isBlank()).count();
        }
      }
    }
    return n;
  }

  private static long storeRecords(Manifest m) {
    return m.inputs().stream().filter(i -> i.kind().equals("store")).mapToLong(i -> i.records()).sum();
  }

  private static Database store() {
    return Database.sqlite(workspace.resolve("lethe.db"), Clock.systemUTC());
  }

  private static BuildRequest request(PipelineConfig cfg, Database db, Path web, Path partner, String out) {
    return request(cfg, db, web, partner, out, 0);
  }

  private static BuildRequest request(PipelineConfig cfg, Database db, Path web, Path partner, String out, int canaries) {
    return Fixtures.request(cfg, TrainingSource.of(db), web, partner, tmp.resolve(out), 2, canaries);
  }
}
