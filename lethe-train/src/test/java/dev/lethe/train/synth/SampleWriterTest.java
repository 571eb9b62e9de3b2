package dev.lethe.train.synth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lethe.filter.io.Jsonl;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SampleWriterTest {
  @Test
  void writtenJsonlReadsBackToTheSameDocuments(@TempDir Path dir) throws Exception {
    List<SyntheticDoc> docs = SyntheticCorpus.documents(8, 200);
    Path out = dir.resolve("sample.jsonl");
    SampleWriter.write(docs, out);
    assertThat(Jsonl.read(out)).isEqualTo(docs.stream().map(SyntheticDoc::doc).toList());
    try (var files = Files.list(dir)) {
      assertThat(files).containsExactly(out);
    }
  }

  @Test
  void summaryCountsWhatItSees() {
    List<SyntheticDoc> docs = SyntheticCorpus.documents(8, 300);
    CorpusSummary s = CorpusSummary.of(docs);
    int spans = docs.stream().mapToInt(d -> d.doc().spans().size()).sum();
    assertThat(s.spansPerLabel().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(spans);
    assertThat(s.genres().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(300);
    assertThat(s.report()).contains("private_person").contains("genres").contains("origin:");
  }
}
