package dev.lethe.filter.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lethe.filter.Label;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonlTest {
  @TempDir Path tmp;

  @Test
  void convertsCodePointOffsetsBothWays() throws Exception {
    String line = "{\"id\":\"a\",\"text\":\"👋 Ana Ruiz\",\"spans\":[{\"label\":\"private_person\",\"start\":2,\"end\":10}]}";
    LabeledText doc = Jsonl.parse(Jsonl.MAPPER.readTree(line));
    assertThat(doc.spans()).containsExactly(new LabeledText.Gold(Label.PRIVATE_PERSON, null, 3, 11));
    assertThat(doc.spans().get(0).textIn(doc.text())).isEqualTo("Ana Ruiz");
    assertThat(Jsonl.toJson(doc).get("spans").get(0).get("start").asInt()).isEqualTo(2);
  }

  @Test
  void malformedLinesNameFileAndLine() throws Exception {
    Path f = tmp.resolve("bad.jsonl");
    Files.writeString(f, "{\"id\":\"1\",\"text\":\"ok\"}\n{\"id\":\"2\",\"text\":\"x\",\"spans\":[{\"label\":\"private_person\",\"start\":0,\"end\":5}]}\n");
    assertThatThrownBy(() -> Jsonl.read(f)).hasMessageContaining("bad.jsonl:2").hasMessageContaining("outside text");
    Files.writeString(f, "{\"id\":\"1\"}\n");
    assertThatThrownBy(() -> Jsonl.read(f)).hasMessageContaining(":1: missing field 'text'");
  }
}
