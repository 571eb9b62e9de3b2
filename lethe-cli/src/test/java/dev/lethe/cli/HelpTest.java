package dev.lethe.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code lethe --help} lists every command with a whole-sentence summary (picocli shows only the first
 * element of a description there), and {@code lethe COMMAND --help} shows that command's whole help.
 */
class HelpTest {

  /** Every command below {@code lethe} except picocli's own {@code help}, as its argument path. */
  static Stream<List<String>> commands() {
    List<List<String>> out = new ArrayList<>();
    collect(Main.commandLine(), new ArrayList<>(), out);
    return out.stream();
  }

  private static void collect(CommandLine cl, List<String> path, List<List<String>> out) {
    for (Map.Entry<String, CommandLine> e : cl.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;
      }
      List<String> p = new ArrayList<>(path);
      p.add(e.getKey());
      out.add(p);
      collect(e.getValue(), p, out);
    }
  }

  @Test
  void topLevelHelpShowsEveryCommandWithItsWholeSummary() {
    String help = run("--help");
    Map<String, String> listed = commandList(help);
    CommandLine main = Main.commandLine();
    assertThat(listed.keySet()).containsAll(main.getSubcommands().keySet());
    for (Map.Entry<String, CommandLine> e : main.getSubcommands().entrySet()) {
      if (e.getKey().equals("help")) {
        continue;  // picocli's own
      }
      String summary = listed.get(e.getKey());
      assertThat(summary).as("summary of %s", e.getKey())
          .isEqualTo(normalise(e.getValue().getCommandSpec().usageMessage().description()[0]))
          .endsWith(".")
          .matches("[A-Z].*");
    }
  }

  @ParameterizedTest(name = "lethe {0} --help")
  @MethodSource("commands")
  void commandHelpIsWholeAndItsSummaryASentence(List<String> path) {
    List<String> args = new ArrayList<>(path);
    args.add("--help");
    String help = run(args.toArray(String[]::new));
    CommandSpec spec = spec(path);
    String[] description = spec.usageMessage().description();
    assertThat(description).as("description of %s", path).isNotEmpty();
    String summary = description[0];
    assertThat(summary).as("summary of %s", path).endsWith(".").matches("[A-Z][^\\n]*");
    assertThat(summary.chars().filter(c -> c == '.').count()).as("one sentence: %s", summary).isEqualTo(1);
    assertThat(help).startsWith("Usage: lethe " + String.join(" ", path));
    String flat = normalise(help);
    for (String paragraph : description) {
      assertThat(flat).as("help of %s", path).contains(normalise(paragraph));
    }
    for (OptionSpec o : spec.options()) {
      String name = o.longestName();
      assertThat(help).as("help of %s", path).contains(o.negatable() ? "--[no-]" + name.substring(2) : name);
    }
    if (!spec.subcommands().isEmpty()) {
      Map<String, String> listed = commandList(help);
      spec.subcommands().forEach((name, sub) ->
          assertThat(listed.get(name)).isEqualTo(normalise(sub.getCommandSpec().usageMessage().description()[0])));
    }
  }

  private static CommandSpec spec(List<String> path) {
    CommandLine cl = Main.commandLine();
    for (String p : path) {
      cl = cl.getSubcommands().get(p);
    }
    return cl.getCommandSpec();
  }

  private static String run(String... args) {
    CommandLine cl = Main.commandLine();
    StringWriter out = new StringWriter();
    cl.setOut(new PrintWriter(out));
    assertThat(cl.execute(args)).isZero();
    return out.toString();
  }

  /** The "Commands:" section: name to summary, wrapped lines joined. */
  private static Map<String, String> commandList(String help) {
    Map<String, String> m = new LinkedHashMap<>();
    String current = null;
    boolean in = false;
    for (String line : help.split("\\R")) {
      if (line.equals("Commands:")) {
        in = true;
        continue;
      }
      if (!in || line.isBlank()) {
        continue;
      }
      if (line.matches("  \\S.*")) {
        String[] parts = line.strip().split("\\s+", 2);
        current = parts[0];
        m.put(current, parts.length > 1 ? parts[1] : "");
      } else if (current != null) {
        m.put(current, m.get(current) + " " + line.strip());
      } else {
        break;
      }
    }
    m.replaceAll((k, v) -> normalise(v));
    return m;
  }

  private static String normalise(String s) {
    return s.replaceAll("\\s+", " ").strip();
  }
}
