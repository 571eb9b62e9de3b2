package dev.lethe.train.tagger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.filter.Label;
import dev.lethe.filter.eval.DevSplit;
import dev.lethe.filter.io.LabeledText;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CorpusFilesTest {
  @TempDir Path dir;

  private void write(String rel, List<String> rows) throws Exception {
    Files.createDirectories(dir.resolve(rel).getParent());
    Files.write(dir.resolve(rel), rows);
  }

  private static String row(String id) {
    return "{\"id\":\"" + id + "\",\"text\":\"Ana Ruiz met Bo.\",\"spans\":[{\"label\":\"private_person\",\"start\":0,"
        + "\"end\":8}],\"ignore\":[],\"source\":\"c\",\"genre\":\"news\",\"lang\":\"en\"}";
  }

  @Test
  void readsTrainingAndAQuarterOfCalibrationButNeverHeldOut() throws Exception {
    List<String> ids = IntStream.range(0, 400).mapToObj(i -> "c:" + i).toList();
    write("c/train.jsonl", ids.subList(0, 10).stream().map(CorpusFilesTest::row).toList());
    write("c/calibration.jsonl", ids.subList(10, 400).stream().map(CorpusFilesTest::row).toList());
    write("c/heldout.jsonl", List.of(row("c:held")));
    Files.writeString(dir.resolve("manifest.json"), "{\"files\":["
        + "{\"file\":\"c/train.jsonl\",\"corpus\":\"c\",\"split\":\"train\",\"genre\":\"news\",\"rows\":10},"
        + "{\"file\":\"c/calibration.jsonl\",\"corpus\":\"c\",\"split\":\"calibration\",\"genre\":\"news\",\"rows\":390},"
        + "{\"file\":\"c/heldout.jsonl\",\"corpus\":\"c\",\"split\":\"heldout\",\"genre\":\"news\",\"rows\":1}]}");
    CorpusFiles c = CorpusFiles.open(dir);
    List<TrainingDoc> docs = c.trainingAndCalibration();
    assertThat(docs).noneMatch(d -> d.doc().id().equals("c:held"));
    assertThat(docs.stream().filter(d -> d.split() == DevSplit.TRAIN)).hasSize(10);
    long calibration = docs.stream().filter(d -> d.split() == DevSplit.CALIBRATION).count();
    assertThat(calibration).isBetween(60L, 140L); // a quarter of 390, by CRC-32
    assertThat(docs).allMatch(d -> d.annotated().contains(Label.PRIVATE_PERSON));
    assertThat(c.heldout()).extracting(CorpusFiles.File::corpus).containsExactly("c");
  }

  @Test
  void aMissingManifestNamesTheFolderAndTheCommandThatBuildsIt() {
    assertThatThrownBy(() -> CorpusFiles.open(dir)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("manifest.json").hasMessageContaining("lethe train corpora");
  }

  @Test
  void lowerCasingKeepsEveryOffset() {
    LabeledText d = new LabeledText("x", "Met İlker and ÅSA at Noon", List.of(
        new LabeledText.Gold(Label.PRIVATE_PERSON, null, 4, 9)), List.of(), "synth");
    LabeledText lower = TaggerTraining.lowerCased(d);
    assertThat(lower.text()).hasSameSizeAs(d.text()).startsWith("met ").endsWith(" and åsa at noon");
    assertThat(lower.spans().get(0).textIn(lower.text())).isEqualToIgnoringCase(d.spans().get(0).textIn(d.text()));
    assertThat(lower.text()).doesNotContainPattern("\\p{Lu}");
  }
}
