package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** What a long build shows on stderr: a bar on a terminal, a line every N seconds elsewhere, or nothing. */
class ProgressTest {
  private final AtomicLong now = new AtomicLong();
  private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
  private final PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);

  private String shown() {
    return bytes.toString(StandardCharsets.UTF_8);
  }

  private void at(long seconds) {
    now.set(seconds * 1_000_000_000L);
  }

  @Test
  void linesComeEveryIntervalWithShareRateAndEta() {
    Progress p = new Progress(err, Progress.Mode.LINES, 10, now::get);
    at(5);
    p.update(100, 5_000, 10_000_000, 40_000_000);
    assertThat(shown()).isEmpty();  // not yet 10 s
    at(10);
    p.update(200, 9_000, 20_000_000, 40_000_000);
    at(15);
    p.update(300, 12_000, 30_000_000, 40_000_000);  // within 10 s of the last line
    assertThat(shown()).isEqualTo("progress:  50%  200 records  20.0/40.0 MB  2.0 MB/s  ETA 10 s\n");
    at(400);
    p.update(4_000, 99_000, 39_000_000, 40_000_000);
    assertThat(shown().lines().toList()).hasSize(2).last().asString()
        .isEqualTo("progress:  98%  4,000 records  39.0/40.0 MB  0.1 MB/s  ETA 10 s");
  }

  @Test
  void barRedrawsInPlaceAndIsClearedAtTheEnd() {
    Progress p = new Progress(err, Progress.Mode.BAR, 0, now::get);
    at(60);
    p.update(1_000, 10_000, 10_000_000, 40_000_000);
    assertThat(shown()).startsWith("\r[######------------------]  25%  1,000 records  10.0/40.0 MB")
        .contains("ETA 3 min 00 s").doesNotContain("\n");
    p.done();
    assertThat(shown()).endsWith("\r\033[K");
  }

  @Test
  void withoutInputFilesItShowsRecordsAndTextOnly() {
    Progress p = new Progress(err, Progress.Mode.LINES, 1, now::get);
    at(2);
    p.update(50, 4_000_000, 0, 0);
    assertThat(shown()).isEqualTo("progress: 50 records  4.0 MB of text  2.0 MB/s  2 s\n");
  }

  @Test
  void offShowsNothingAndTheIntervalMustBePositive() {
    Progress p = new Progress(err, Progress.Mode.OFF, 0, now::get);
    at(1_000);
    p.update(1, 1, 1, 2);
    p.done();
    assertThat(shown()).isEmpty();
    assertThatThrownBy(() -> new Progress(err, Progress.Mode.LINES, 0, now::get)).hasMessageContaining("at least 1 second");
  }

  @Test
  void durationsReadNaturally() {
    assertThat(Progress.duration(45)).isEqualTo("45 s");
    assertThat(Progress.duration(200)).isEqualTo("3 min 20 s");
    assertThat(Progress.duration(7_500)).isEqualTo("2 h 05 min");
  }
}
