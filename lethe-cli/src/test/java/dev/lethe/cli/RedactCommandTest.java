package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.filter.io.Jsonl;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The batch contract of CONVENTIONS.md: one output line per input line, bad lines reported in place. */
class RedactCommandTest {
  @TempDir Path tmp;

  private record Run(int exit, List<String> out, String err) {}

  private Run redact(byte[] input, String... extra) throws Exception {
    Path in = tmp.resolve("in.jsonl");
    Path out = tmp.resolve("out.jsonl");
    Files.write(in, input);
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream oldErr = System.err;
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    int exit;
    try {
      String[] args = new String[4 + extra.length];
      args[0] = "redact";
      args[1] = "--input=" + in;
      args[2] = "--output=" + out;
      args[3] = "--threads=2";
      System.arraycopy(extra, 0, args, 4, extra.length);
      exit = Main.commandLine().execute(args);
    } finally {
      System.setErr(oldErr);
    }
    return new Run(exit, Files.exists(out) ? Files.readAllLines(out, StandardCharsets.UTF_8) : List.of(),
        err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void everyInputLineGetsItsAnswerInPlace() throws Exception {
    ByteArrayOutputStream in = new ByteArrayOutputStream();
    in.write("{\"id\":\"a\",\"text\":\"Mail jane.doe@gmail.com or call +44 20 7946 0958\"}\n".getBytes(StandardCharsets.UTF_8));
    in.write("this is not json\n".getBytes(StandardCharsets.UTF_8));
    in.write("{\"id\":\"c\"}\n".getBytes(StandardCharsets.UTF_8));
    in.write(new byte[] {'{', '"', 'i', 'd', '"', ':', '"', 'd', '"', ',', '"', 't', 'e', 'x', 't', '"', ':', '"',
        (byte) 0xC3, (byte) 0x28, '"', '}', '\n'});
    in.write("\n".getBytes(StandardCharsets.UTF_8));
    in.write("{\"id\":\"f\",\"text\":\"lone \\ud800 surrogate, bell \\u0007, 👋 from Ana: ana@proton.me\"}\n"
        .getBytes(StandardCharsets.UTF_8));
    in.write("{\"id\":\"g\",\"text\":\"\"}\n".getBytes(StandardCharsets.UTF_8));
    in.write("{\"id\":\"h\",\"text\":42}".getBytes(StandardCharsets.UTF_8)); // last line without newline

    Run run = redact(in.toByteArray(), "--format=jsonl");

    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.out()).hasSize(8);
    JsonNode a = Jsonl.MAPPER.readTree(run.out().get(0));
    assertThat(a.get("id").asText()).isEqualTo("a");
    assertThat(a.get("redacted_text").asText()).isEqualTo("Mail <PRIVATE_EMAIL> or call <PRIVATE_PHONE>");
    assertThat(a.get("detected_spans").get(0).get("start").asInt()).isEqualTo(5);
    assertThat(error(run, 1)).startsWith("line 2: invalid JSON");
    assertThat(error(run, 2)).isEqualTo("line 3: no \"text\" field");
    assertThat(Jsonl.MAPPER.readTree(run.out().get(2)).get("id").asText()).isEqualTo("c");
    assertThat(error(run, 3)).isEqualTo("line 4: invalid UTF-8 at byte offset 18 of the line");
    assertThat(error(run, 4)).isEqualTo("line 5: empty line");
    JsonNode f = Jsonl.MAPPER.readTree(run.out().get(5));
    assertThat(f.get("redacted_text").asText()).isEqualTo("lone \ud800 surrogate, bell \u0007, 👋 from <PRIVATE_PERSON>: <PRIVATE_EMAIL>");
    // offsets count code points: the emoji is one, as in Python
    String text = "lone \ud800 surrogate, bell \u0007, 👋 from Ana: ana@proton.me";
    assertThat(f.get("detected_spans").get(f.get("detected_spans").size() - 1).get("start").asInt())
        .isEqualTo(text.codePointCount(0, text.indexOf("ana@")));
    assertThat(Jsonl.MAPPER.readTree(run.out().get(6)).get("redacted_text").asText()).isEmpty();
    assertThat(error(run, 7)).isEqualTo("line 8: \"text\" must be a string");
    assertThat(run.err()).contains("line 2: invalid JSON").contains("redacted 8 documents (5 errors)");
  }

  private static String error(Run run, int line) throws Exception {
    JsonNode n = Jsonl.MAPPER.readTree(run.out().get(line));
    assertThat(n.has("redacted_text")).as("line %d should be an error: %s", line + 1, n).isFalse();
    return n.get("error").asText();
  }

  @Test
  void aTextFileWithInvalidUtf8IsRefusedNamingTheLine() throws Exception {
    byte[] bytes = "fine line\nbad \u00ff line\n".getBytes(StandardCharsets.ISO_8859_1);
    Run run = redact(bytes, "--format=text");
    assertThat(run.exit()).isEqualTo(1);
    assertThat(run.err()).contains("line 2: invalid UTF-8 at byte offset 4 of the line");
  }

  @Test
  void longTextsAreMaskedToTheirEnd() throws Exception {
    StringBuilder b = new StringBuilder();
    while (b.length() < 3_000_000) {
      b.append("Plain words about the weather and the sea, nothing more. ");
    }
    b.append("Write to jane.doe@gmail.com, Ana Ruiz.");
    Run run = redact(b.toString().getBytes(StandardCharsets.UTF_8), "--format=text", "--quiet");
    assertThat(run.exit()).isZero();
    assertThat(run.out().get(0)).endsWith("Write to <PRIVATE_EMAIL>, <PRIVATE_PERSON>.");
  }
}
