package dev.lethe.filter.io;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class Utf8LinesTest {
  @Test
  void invalidBytesFailOnlyTheirLine() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write("first ✓\r\n".getBytes(StandardCharsets.UTF_8));
    b.write(new byte[] {'b', 'a', 'd', (byte) 0xC3, (byte) 0x28, '\n'});
    b.write("third 👋".getBytes(StandardCharsets.UTF_8));
    try (Utf8Lines lines = new Utf8Lines(new ByteArrayInputStream(b.toByteArray()))) {
      assertThat(lines.next()).isEqualTo(new Utf8Lines.Line(1, "first ✓", null));
      Utf8Lines.Line bad = lines.next();
      assertThat(bad.number()).isEqualTo(2);
      assertThat(bad.text()).isNull();
      assertThat(bad.error()).isEqualTo("invalid UTF-8 at byte offset 3 of the line");
      assertThat(lines.next()).isEqualTo(new Utf8Lines.Line(3, "third 👋", null));
      assertThat(lines.next()).isNull();
    }
  }

  @Test
  void longLinesSpanManyBuffers() throws Exception {
    String big = "x".repeat(300_000);
    try (Utf8Lines lines = new Utf8Lines(new ByteArrayInputStream((big + "\nend").getBytes(StandardCharsets.UTF_8)))) {
      assertThat(lines.next().text()).isEqualTo(big);
      assertThat(lines.next().text()).isEqualTo("end");
    }
  }
}
