package dev.lethe.pipeline.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.pipeline.Exclusion;
import dev.lethe.pipeline.Fixtures;
import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.Reason;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.TrainingDocument;
import dev.lethe.pipeline.run.DemoInputs;
import dev.lethe.pipeline.sink.Manifest;
import dev.lethe.pipeline.sink.Sharding;
import dev.lethe.platform.controls.Actors;
import dev.lethe.platform.controls.Conversation;
import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.controls.Outbox;
import dev.lethe.platform.controls.PrivacyRequest;
import dev.lethe.platform.controls.RequestKind;
import dev.lethe.platform.demo.DemoWorkspace;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingSource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Deletion propagation rewrites only the shards that held leaving documents, and the documents are gone. */
class ForgetTest {
  @TempDir Path tmp;

  @Test
  void deletionsLeaveAndOnlyTheirShardsAreRewritten() throws Exception {
    Path ws = tmp.resolve("ws");
    DemoWorkspace.Summary seeded = DemoWorkspace.seed(ws);
    DemoInputs.extract(tmp.resolve("in"));
    Outbox outbox = new Outbox(ws.resolve("outbox"));
    try (Database db = Database.sqlite(ws.resolve("lethe.db"), Clock.systemUTC());
        DataControls dc = DataControls.builder(db, ws).notifier(outbox).build()) {
      TrainingSource store = TrainingSource.of(db);
      Path s1 = tmp.resolve("s1");
      Manifest m1 = Fixtures.build(PipelineConfig.defaults().withShards(16), store, tmp.resolve("in/web"), tmp.resolve("in/partner"), s1, 2).manifest();

      // Maria deletes her landlord conversation.
      String maria = seeded.users().get("maria.keller@example.de");
      Conversation landlord = dc.conversations().history(maria, false).stream()
          .filter(c -> "Letter to my landlord".equals(c.title())).findFirst().orElseThrow();
      String landlordDoc = Fixtures.KEY.documentId(SourceKind.CONVERSATION, landlord.id());
      assertThat(ids(s1)).contains(landlordDoc);
      dc.conversations().delete(Actors.user(maria), maria, landlord.id());

      Path s2 = tmp.resolve("s2");
      Manifest m2 = Forget.run(s1, s2, store, Fixtures.KEY).manifest();
      String shard = Sharding.fileName(Sharding.shardOf(landlordDoc, 16));
      assertThat(m2.forget().shardsRewritten()).isEqualTo(1);
      assertThat(m2.forget().rewritten()).containsExactly(shard);
      assertThat(m2.forget().removed()).containsEntry("conversation_deleted", 1L);
      for (Manifest.Shard s : m1.shards()) {
        boolean same = java.util.Arrays.equals(Files.readAllBytes(s1.resolve(s.file())), Files.readAllBytes(s2.resolve(s.file())));
        assertThat(same).as(s.file()).isEqualTo(!s.file().equals(shard));
      }
      assertThat(ids(s2)).doesNotContain(landlordDoc).hasSize((int) m1.counts().documentsOut() - 1);
      assertThat(Fixtures.exclusions(s2)).anySatisfy(e -> {
        assertThat(e.id()).isEqualTo(landlordDoc);
        assertThat(e.reason()).isEqualTo(Reason.CONVERSATION_DELETED);
      });
      assertThat(m2.parent()).isEqualTo(m1.snapshotId());
      assertThat(m2.counts().recordsIn()).isEqualTo(m2.counts().documentsOut() + m2.counts().excluded());
      assertThat(Verifier.verify(s2, store, Fixtures.KEY).violations()).isEmpty();
      assertThat(Verifier.verify(s1, store, Fixtures.KEY).pending()).extracting(Verifier.Finding::check).contains("deleted");

      // Sofia deletes her account; Priya asks for a phrase of her cover letter (which the filter does not mask) to be
      // kept out of outputs, written in other case and spacing.
      String sofia = seeded.users().get("sofia.rossi@example.org");
      Set<String> sofiaDocs = ids(s2).stream().filter(id -> id.startsWith("c-")).collect(Collectors.toSet());
      dc.accounts().delete(Actors.user(sofia), sofia);
      String priya = seeded.users().get("priya.nair@example.in");
      PrivacyRequest req = dc.requests().create(priya, RequestKind.REMOVE_FROM_OUTPUTS, List.of("Data  ENGINEERING"));
      dc.requests().verify(priya, req.id(), outbox.lastCodeFor("priya.nair@example.in").orElseThrow());
      assertThat(Fixtures.documents(s2)).anyMatch(d -> d.text().contains("data engineering"));

      Path s3 = tmp.resolve("s3");
      Manifest m3 = Forget.run(s2, s3, store, Fixtures.KEY).manifest();
      assertThat(m3.forget().removed()).containsEntry("account_deleted", 1L);
      assertThat(m3.forget().suppressed()).isGreaterThanOrEqualTo(1);
      List<TrainingDocument> left = Fixtures.documents(s3);
      assertThat(left).noneMatch(d -> d.text().toLowerCase().contains("data engineering"));
      assertThat(sofiaDocs.stream().filter(id -> left.stream().noneMatch(d -> d.id().equals(id)))).hasSize(1);
      assertThat(Verifier.verify(s3, store, Fixtures.KEY).violations()).isEmpty();
      assertThat(Verifier.verify(s2, store, Fixtures.KEY).pending()).extracting(Verifier.Finding::check).contains("suppression", "deleted");
      assertThat(Fixtures.exclusions(s3)).extracting(Exclusion::reason).contains(Reason.ACCOUNT_DELETED, Reason.CONVERSATION_DELETED);

      // Nothing new: a forget run rewrites nothing.
      Manifest m4 = Forget.run(s3, tmp.resolve("s4"), store, Fixtures.KEY).manifest();
      assertThat(m4.forget().shardsRewritten()).isZero();
      assertThat(m4.shards()).isEqualTo(m3.shards());
    }
  }

  private static Set<String> ids(Path dir) throws Exception {
    return Fixtures.documents(dir).stream().map(TrainingDocument::id).collect(Collectors.toSet());
  }
}
