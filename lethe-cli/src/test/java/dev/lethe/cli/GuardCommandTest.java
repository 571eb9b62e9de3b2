package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.controls.PrivacyRequest;
import dev.lethe.platform.controls.RequestKind;
import dev.lethe.platform.store.Database;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GuardCommandTest {
  @TempDir Path tmp;

  private record Run(int exit, String out, String err) {}

  private static Run guard(String stdin, String... args) {
    InputStream oldIn = System.in;
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
    try {
      String[] all = new String[args.length + 1];
      all[0] = "guard";
      System.arraycopy(args, 0, all, 1, args.length);
      int exit = Main.commandLine().execute(all);
      return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setIn(oldIn);
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  @Test
  void guardsStandardInputAndSummarisesOnStderr() {
    Run r = guard("Sure! Ana Ruiz lives at 12 Main St. Apt 4, Springfield.\nAbraham Lincoln was president.\n");
    assertThat(r.exit()).isZero();
    assertThat(r.out()).isEqualTo("Sure! <PRIVATE_PERSON> lives at <PRIVATE_ADDRESS>.\nAbraham Lincoln was president.\n");
    assertThat(r.err()).contains("masked, 2 found").contains("held back at most");
  }

  @Test
  void refusesWithTheConfiguredMessage() {
    Run r = guard("Fine. Her number is 919-555-0148.", "--mode", "refuse", "--refusal", "No.", "-q");
    assertThat(r.out()).isEqualTo("Fine. No.");
    assertThat(r.err()).isEmpty();
  }

  @Test
  void jsonlAnswersEveryLineInPlace() throws Exception {
    Run r = guard("{\"id\":\"a\",\"text\":\"Call 919-555-0148\"}\nnot json\n{\"id\":\"c\",\"text\":7}\n"
        + "{\"id\":\"d\",\"text\":\"I can't say.\",\"prompt\":\"What is Ana Ruiz's phone number?\"}\n", "--format", "jsonl");
    assertThat(r.exit()).isEqualTo(1);
    List<String> lines = r.out().lines().toList();
    assertThat(lines).hasSize(4);
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(lines.get(0)).get("text").asText()).isEqualTo("Call <PRIVATE_PHONE>");
    assertThat(json.readTree(lines.get(1)).get("error").asText()).isEqualTo("line 2: not valid JSON");
    assertThat(json.readTree(lines.get(2)).get("error").asText()).isEqualTo("line 3: no string \"text\"");
    JsonNode d = json.readTree(lines.get(3));
    assertThat(d.get("verdict").asText()).isEqualTo("refused");
    assertThat(d.get("request").get("asked").asText()).isEqualTo("private_phone");
  }

  @Test
  void keepsOutTheSuppressionListOfAWorkspace() throws Exception {
    List<String> mail = new ArrayList<>();
    try (Database db = Database.sqlite(tmp.resolve("lethe.db"), Clock.systemUTC());
        DataControls dc = DataControls.builder(db, tmp).notifier((e, s, body) -> mail.add(body)).build()) {
      String user = dc.accounts().register("bo@example.org", null, null, null).user().id();
      PrivacyRequest req = dc.requests().create(user, RequestKind.REMOVE_FROM_OUTPUTS, List.of("Bo Lindqvist"));
      Matcher code = Pattern.compile("\\b\\d{8}\\b").matcher(mail.get(0));
      assertThat(code.find()).isTrue();
      dc.requests().verify(user, req.id(), code.group());
    }
    Run r = guard("The report of BO LINDQVIST is done.", "--workspace", tmp.toString(), "--labels", "secret", "-q");
    assertThat(r.out()).isEqualTo("The report of <PRIVATE_PERSON> is done.");
    assertThat(guard("x", "--workspace", tmp.resolve("none").toString()).err()).contains("lethe.db is missing");
  }
}
