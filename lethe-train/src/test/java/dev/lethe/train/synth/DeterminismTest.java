package dev.lethe.train.synth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.filter.io.LabeledText;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class DeterminismTest {
  @Test
  void sameSeedGivesTheSameDocuments() {
    assertThat(SyntheticCorpus.generate(42, 300)).isEqualTo(SyntheticCorpus.generate(42, 300));
  }

  @Test
  void aShorterRunIsAPrefixOfALongerOne() {
    List<LabeledText> longer = SyntheticCorpus.generate(7, 250);
    assertThat(SyntheticCorpus.generate(7, 60)).isEqualTo(longer.subList(0, 60));
    assertThat(SyntheticCorpus.stream(7).limit(60).map(SyntheticDoc::doc).toList()).isEqualTo(longer.subList(0, 60));
  }

  @Test
  void differentSeedsGiveDifferentTexts() {
    List<String> a = SyntheticCorpus.generate(1, 100).stream().map(LabeledText::text).toList();
    List<String> b = SyntheticCorpus.generate(2, 100).stream().map(LabeledText::text).toList();
    assertThat(a).doesNotContainAnyElementsOf(b);
  }

  @Test
  void documentsOfOneRunDifferFromEachOther() {
    List<String> texts = SyntheticCorpus.generate(3, 500).stream().map(LabeledText::text).toList();
    assertThat(texts.stream().distinct().count()).isGreaterThan(490);
  }

  @Test
  void concurrentRunsAgreeWithASequentialOne() throws Exception {
    List<LabeledText> expected = SyntheticCorpus.generate(11, 200);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      Future<List<LabeledText>> x = pool.submit(() -> SyntheticCorpus.generate(11, 200));
      Future<List<LabeledText>> y = pool.submit(() -> SyntheticCorpus.generate(11, 200));
      assertThat(x.get()).isEqualTo(expected);
      assertThat(y.get()).isEqualTo(expected);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void negativeCountIsRejected() {
    assertThatThrownBy(() -> SyntheticCorpus.generate(1, -1)).hasMessageContaining("count must be >= 0");
  }
}
