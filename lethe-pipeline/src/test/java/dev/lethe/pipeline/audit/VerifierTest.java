package dev.lethe.pipeline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.pipeline.Exclusion;
import dev.lethe.pipeline.Fixtures;
import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.Reason;
import dev.lethe.pipeline.TrainingDocument;
import dev.lethe.pipeline.run.DemoInputs;
import dev.lethe.pipeline.run.SnapshotBuilder;
import dev.lethe.pipeline.sink.DocumentLines;
import dev.lethe.pipeline.sink.Lineage;
import dev.lethe.pipeline.sink.Manifest;
import dev.lethe.pipeline.sink.Sharding;
import dev.lethe.pipeline.sink.Snapshot;
import dev.lethe.pipeline.sink.ZstdLines;
import dev.lethe.platform.demo.DemoWorkspace;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingSource;
import java.io.BufferedReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A clean snapshot verifies, canaries included; each kind of planted violation (a canary, a suppressed string in
 * other case and spacing, an excluded record, a tampered manifest count, a missing manifest) is found.
 */
class VerifierTest {
  @TempDir static Path tmp;
  static Database db;
  static TrainingSource store;
  static Path s1;
  static SnapshotBuilder.Result built;
  static DemoWorkspace.Summary seeded;

  @BeforeAll
  static void snapshot() throws Exception {
    Path ws = tmp.resolve("ws");
    seeded = DemoWorkspace.seed(ws);
    DemoInputs.extract(tmp.resolve("in"));
    db = Database.sqlite(ws.resolve("lethe.db"), Clock.systemUTC());
    store = TrainingSource.of(db);
    s1 = tmp.resolve("s1");
    built = SnapshotBuilder.build(Fixtures.request(PipelineConfig.defaults().withShards(4), store, tmp.resolve("in/web"),
        tmp.resolve("in/partner"), s1, 2, 2));
  }

  @AfterAll
  static void close() {
    db.close();
  }

  @Test
  void cleanSnapshotWithCanariesVerifies() throws Exception {
    List<Canaries.Planted> canaries = built.canaries();
    assertThat(canaries).anyMatch(Canaries.Planted::eligible).anyMatch(c -> !c.eligible());
    assertThat(canaries).extracting(Canaries.Planted::source).extracting(Enum::name).contains("CONVERSATION", "WEB", "PARTNER");
    Verifier.Report r = Verifier.verify(s1, store, Fixtures.KEY);
    assertThat(r.violations()).isEmpty();
    assertThat(r.canaries()).isEqualTo(canaries.size());
    assertThat(r.documents()).isEqualTo(built.manifest().counts().documentsOut());
    assertThat(r.checks().get("suppression")).startsWith("3 suppression strings");
  }

  /**
   * What the data controls make ineligible never reaches a snapshot (temporary chats, a conversation started with
   * the setting off, a deleted conversation, a deleted account), and no file of the snapshot holds a raw user id.
   */
  @Test
  void ineligibleConversationsAndUserIdsAreAbsent() throws Exception {
    StringBuilder all = new StringBuilder();
    Fixtures.documents(s1).forEach(d -> all.append(d.text()).append('\n'));
    assertThat(all.toString()).contains("Aglio e olio")  // an eligible conversation is there
        .doesNotContain("Anke Vogel", "Grace Okafor", "Tr0ub4dor&3", "YA1234567", "Julia Becker");
    try (Stream<Path> files = Files.walk(s1)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String content = f.toString().endsWith(".zst")
            ? new String(com.github.luben.zstd.Zstd.decompress(Files.readAllBytes(f), 64 << 20), java.nio.charset.StandardCharsets.UTF_8)
            : Files.readString(f);
        for (String userId : seeded.users().values()) {
          assertThat(content).as(f.toString()).doesNotContain(userId);
        }
      }
    }
  }

  @Test
  void plantedCanaryIsFound() throws Exception {
    String canary = built.canaries().get(0).value();
    Verifier.Report r = Verifier.verify(tamper("canary", d -> d.withText(d.text() + " " + canary.toUpperCase())), store, Fixtures.KEY);
    assertThat(r.violations()).extracting(Verifier.Finding::check).contains("canary");
  }

  @Test
  void suppressedStringInOtherCaseAndSpacingIsFound() throws Exception {
    Verifier.Report r = Verifier.verify(tamper("suppressed", d -> d.withText(d.text() + " signed, sofia   ROSSI")), store, Fixtures.KEY);
    assertThat(r.violations()).extracting(Verifier.Finding::check).contains("suppression");
    assertThat(r.violations()).extracting(Verifier.Finding::detail).noneMatch(s -> s.toLowerCase().contains("sofia"));
  }

  @Test
  void excludedRecordIsFound() throws Exception {
    Exclusion e = Fixtures.exclusions(s1).stream().filter(x -> x.reason() == Reason.ROBOTS_DISALLOWED).findFirst().orElseThrow();
    Verifier.Report r = Verifier.verify(tamper("excluded", d -> new TrainingDocument(e.id(), d.source(), d.language(), d.text())),
        store, Fixtures.KEY);
    assertThat(r.violations()).extracting(Verifier.Finding::check).contains("excluded");
  }

  @Test
  void tamperedShardAndMissingManifestAreFound() throws Exception {
    Path same = tamper("unchanged", d -> d);  // rewriting the same lines gives the same bytes
    assertThat(Verifier.verify(same, null, null).violations()).isEmpty();
    Path copy = tamper("integrity", d -> d.withText(d.text() + " edited"));
    Verifier.Report r = Verifier.verify(copy, null, null);
    assertThat(r.violations()).extracting(Verifier.Finding::check).containsOnly("integrity");  // digest of the rewritten shard
    Files.delete(copy.resolve(Snapshot.MANIFEST));
    assertThat(Verifier.verify(copy, null, null).violations()).extracting(Verifier.Finding::check).containsExactly("manifest");
  }

  /** A lineage index whose entries point at the wrong lines is found even when its digest is made to match. */
  @Test
  void lineageIndexDisagreeingWithTheShardsIsFound() throws Exception {
    Path copy = tamper("lineage", d -> d);
    List<Lineage.Entry> entries = new ArrayList<>();
    Lineage.documents(copy, entries::add);
    Lineage.Entry a = entries.get(0);
    Lineage.Entry b = entries.stream().skip(1).filter(e -> e.shard() == a.shard()).findFirst().orElseThrow();
    Files.delete(copy.resolve(Snapshot.DOCUMENTS));
    String digest;
    try (ZstdLines w = new ZstdLines(copy.resolve(Snapshot.DOCUMENTS), 3)) {
      for (Lineage.Entry e : entries) {
        long line = e == a ? b.line() : e == b ? a.line() : e.line();  // two documents' lines swapped
        w.append(DocumentLines.lineage(e.id(), e.shard(), line, e.source(), e.subject()));
      }
      digest = w.commit();
    }
    Manifest m = Manifest.read(copy);
    java.util.Map<String, String> files = new java.util.LinkedHashMap<>(m.files());
    files.put(Snapshot.DOCUMENTS, digest);
    Files.delete(copy.resolve(Snapshot.MANIFEST));
    new Manifest(m.format(), m.snapshotId(), m.parent(), m.createdAt(), m.watermark(), m.inputs(), m.configHash(), m.config(),
        m.pseudonymKeyId(), m.filter(), m.counts(), m.shards(), files, m.forget()).write(copy);
    Verifier.Report r = Verifier.verify(copy, null, null);
    assertThat(r.violations()).extracting(Verifier.Finding::check).containsOnly("lineage");
    assertThat(r.violations()).extracting(Verifier.Finding::detail).anyMatch(d -> d.contains(Sharding.fileName(a.shard())));
  }

  /** A copy of s1 whose first shard has its first document changed by {@code change}. */
  private static Path tamper(String name, UnaryOperator<TrainingDocument> change) throws Exception {
    Path copy = tmp.resolve("tampered-" + name);
    try (Stream<Path> files = Files.walk(s1)) {
      for (Path p : files.toList()) {
        Path t = copy.resolve(s1.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t);
        }
      }
    }
    Manifest.Shard shard = Manifest.read(s1).shards().stream().filter(s -> s.documents() > 0).findFirst().orElseThrow();
    List<String> lines = new ArrayList<>();
    try (BufferedReader r = ZstdLines.reader(s1.resolve(shard.file()))) {
      String line;
      while ((line = r.readLine()) != null) {
        lines.add(lines.isEmpty() ? DocumentLines.toLine(change.apply(DocumentLines.document(line))) : line);
      }
    }
    Files.delete(copy.resolve(shard.file()));
    try (ZstdLines w = new ZstdLines(copy.resolve(shard.file()), 3)) {
      for (String l : lines) {
        w.append(l);
      }
      w.commit();
    }
    return copy;
  }
}
