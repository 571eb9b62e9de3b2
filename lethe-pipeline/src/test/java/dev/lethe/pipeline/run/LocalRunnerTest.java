package dev.lethe.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.policy.Eligibility;
import dev.lethe.pipeline.policy.Sites;
import dev.lethe.pipeline.source.RecordSource;
import dev.lethe.pipeline.stage.DensityGate;
import dev.lethe.pipeline.stage.PiiMasking;
import dev.lethe.pipeline.stage.Stages;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** The runner keeps input order whatever the threads, and a failing sink or source ends the run instead of hanging it. */
class LocalRunnerTest {
  static final Stages STAGES = new Stages(new Eligibility(PipelineConfig.defaults(), Sites.none()),
      new PiiMasking(SnapshotBuilder.filter(PipelineConfig.defaults(), List.of())), new DensityGate(null, null));

  static RecordSource memories(int n, int failAt) {
    return sink -> {
      for (int i = 0; i < n; i++) {
        if (i == failAt) {
          throw new IOException("disk gone at record " + i);
        }
        sink.accept(new SourceRecord("m-" + i, SourceKind.MEMORY, "store", "Memory " + i + ": call +44 20 7946 0" + (100 + i % 900),
            null, "u-1", null, null, null));
      }
      return new RecordSource.InputDigest("store", "test", "sha256:-", n, 0);
    };
  }

  @Test
  void outcomesArriveInInputOrder() throws Exception {
    List<String> ids = new ArrayList<>();
    LocalRunner.run(List.of(memories(2000, -1)), UnaryOperator.identity(), STAGES, 4,
        (outcome, input) -> ids.add(((Stages.Kept) outcome).document().id()));
    assertThat(ids).hasSize(2000);
    for (int i = 0; i < ids.size(); i++) {
      assertThat(ids.get(i)).isEqualTo("m-" + i);
    }
  }

  @Test
  void aFailingSinkEndsTheRun() {
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() ->
        LocalRunner.run(List.of(memories(100_000, -1)), UnaryOperator.identity(), STAGES, 2, (outcome, input) -> {
          if (input.id().equals("m-50")) {
            throw new IOException("sink full");
          }
        })).isInstanceOf(IOException.class).hasMessage("sink full"));
  }

  @Test
  void aFailingSourceEndsTheRunAfterWhatItRead() {
    List<String> seen = new ArrayList<>();
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> assertThatThrownBy(() ->
        LocalRunner.run(List.of(memories(1000, 300)), UnaryOperator.identity(), STAGES, 2, (outcome, input) -> seen.add(input.id())))
        .isInstanceOf(IOException.class).hasMessageContaining("record 300"));
    assertThat(seen).hasSize(300);
  }
}
