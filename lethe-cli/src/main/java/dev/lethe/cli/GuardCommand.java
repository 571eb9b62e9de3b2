package dev.lethe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.lethe.filter.io.Utf8Lines;
import dev.lethe.filter.mask.MaskKey;
import dev.lethe.filter.mask.MaskStyle;
import dev.lethe.guard.Guard;
import dev.lethe.guard.GuardJson;
import dev.lethe.guard.GuardPolicy;
import dev.lethe.guard.GuardResult;
import dev.lethe.guard.GuardStream;
import dev.lethe.guard.Suppressions;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.SuppressionEntry;
import dev.lethe.platform.training.TrainingSource;
import dev.lethe.platform.training.TrainingView;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "guard", mixinStandardHelpOptions = true,
    description = {"Keep private data about people out of a model's answer.", "",
        "Guards against the suppression list, the selected labels and names of private individuals with their"
            + " attributes (public figures stay). Masks, refuses or only reports.",
        "With --format text (the default) standard input is guarded as it streams in: each piece is written as soon"
            + " as it is decided (at sentence and line ends), so `model ... | lethe guard` works live. --format json"
            + " reads the whole answer and prints what was found (offsets in code points); --format jsonl guards one"
            + " {\"id\", \"text\", \"prompt\"} object per line."},
    footer = {"", "Examples:",
        "  lethe guard \"Sure! Ana Ruiz lives at 12 Main St, Springfield.\"",
        "  llm-cli chat ... | lethe guard --mode refuse --suppress-file remove.txt",
        "  lethe guard --format json --prompt \"What is Ana Ruiz's address?\" < answer.txt",
        "  lethe guard --format jsonl --workspace ./workspace < answers.jsonl"})
final class GuardCommand implements Callable<Integer> {
  enum Format { text, json, jsonl }

  private static final ObjectMapper JSON = new ObjectMapper();

  @Parameters(arity = "0..*", paramLabel = "TEXT", description = "The answer (arguments joined by spaces); else stdin.")
  List<String> texts = new ArrayList<>();

  @Option(names = "--prompt", paramLabel = "TEXT",
      description = "The prompt answered: its values are the caller's own, and a request for a private individual's data is refused.")
  String prompt;

  @Option(names = "--mode", defaultValue = "mask", paramLabel = "MODE",
      description = "mask | refuse | report (default: ${DEFAULT-VALUE}).")
  String mode;

  @Option(names = "--refusal", paramLabel = "MESSAGE", description = "What a refused answer says instead.")
  String refusal;

  @Option(names = "--mask", defaultValue = "placeholder", paramLabel = "STYLE",
      description = {"placeholder | redact | hash | surrogate (default: ${DEFAULT-VALUE}).",
          "hash and surrogate are keyed: set LETHE_MASK_KEY (base64, 32+ bytes)."})
  String maskStyle;

  @Option(names = "--no-refuse-requests", description = "Do not refuse prompts asking for a private individual's data.")
  boolean allowRequests;

  @Option(names = "--suppress", paramLabel = "STRING", description = "A string to keep out (repeatable).")
  List<String> suppress = new ArrayList<>();

  @Option(names = "--suppress-file", paramLabel = "FILE", description = "Strings to keep out, one per line.")
  List<Path> suppressFiles = new ArrayList<>();

  @Option(names = "--workspace", paramLabel = "DIR",
      description = "Also keep out the data controls' suppression list (completed remove-from-outputs requests) of this workspace.")
  Path workspace;

  @Option(names = "--db-url", paramLabel = "URL", description = "The same from PostgreSQL (jdbc:postgresql://...).")
  String dbUrl;

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text | json | jsonl (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-q", "--quiet"}, description = "No summary on stderr.")
  boolean quiet;

  @Mixin FilterOptions filterOptions;

  @Override
  public Integer call() throws IOException {
    PrintStream err = System.err;
    MaskStyle style = MaskStyle.fromId(maskStyle);
    if (style.keyed() && MaskKey.fromEnvironment().isDevelopment()) {
      err.println("lethe guard: warning: " + style.id() + " masking uses the public development key; set "
          + MaskKey.KEY_VARIABLE + " for real data");
    }
    GuardPolicy.Builder policy = GuardPolicy.builder().mode(GuardPolicy.Mode.fromId(mode))
        .operatingPoint(dev.lethe.filter.OperatingPoint.fromId(filterOptions.operatingPoint))
        .labels(filterOptions.labelSet()).maskStyle(style).refuseRequests(!allowRequests);
    if (refusal != null) {
      policy.refusal(refusal);
    }
    Guard guard = Guard.builder().policy(policy.build()).phoneRegion(filterOptions.phoneRegion)
        .suppressions(Suppressions.of(suppressionList(), filterOptions.phoneRegion)).build();
    PrintStream out = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    return switch (format) {
      case text -> streamText(guard, out, err);
      case json -> {
        String answer = texts.isEmpty() ? new String(System.in.readAllBytes(), StandardCharsets.UTF_8) : String.join(" ", texts);
        GuardResult r = guard.check(answer, prompt);
        out.println(JSON.writeValueAsString(GuardJson.of(r, answer, prompt)));
        out.flush();
        yield 0;
      }
      case jsonl -> jsonl(guard, out, err);
    };
  }

  private List<String> suppressionList() throws IOException {
    List<String> list = new ArrayList<>(suppress);
    for (Path f : suppressFiles) {
      Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).forEach(list::add);
    }
    if (workspace != null && dbUrl == null && !Files.exists(workspace.resolve("lethe.db"))) {
      throw new IllegalArgumentException("no data controls store in " + workspace + " (lethe.db is missing)");
    }
    if (workspace != null || dbUrl != null) {
      try (Database db = Database.open(workspace == null ? Path.of("workspace") : workspace, dbUrl, Clock.systemUTC());
          TrainingView view = TrainingSource.of(db).open(); Stream<SuppressionEntry> s = view.suppressionList()) {
        s.map(SuppressionEntry::text).filter(Suppressions::matchable).forEach(list::add);
      }
    }
    return list;
  }

  /** Guards stdin (or the arguments) as it arrives, writing each decided piece at once. */
  private int streamText(Guard guard, PrintStream out, PrintStream err) throws IOException {
    GuardStream s = guard.stream(prompt);
    if (!texts.isEmpty()) {
      out.print(s.push(String.join(" ", texts)));
    } else {
      Reader in = new InputStreamReader(System.in, StandardCharsets.UTF_8);
      char[] buf = new char[4096];
      for (int n; (n = in.read(buf)) > 0 && !s.refused(); ) {
        out.print(s.push(new String(buf, 0, n)));
        out.flush();
      }
    }
    out.print(s.finish());
    if (!texts.isEmpty()) {
      out.println();
    }
    out.flush();
    GuardResult r = s.result();
    if (!quiet) {
      err.println("lethe guard: " + r.verdict().id() + (r.findings().isEmpty() ? "" : ", " + r.findings().size()
          + " found " + GuardJson.counts(r.counts())) + "; held back at most " + s.maxHeldBack() + " chars");
    }
    return 0;
  }

  /** One JSON line in, one out, in order; a bad line answers with its error and the rest goes on. */
  private int jsonl(Guard guard, PrintStream out, PrintStream err) throws IOException {
    int errors = 0;
    try (Utf8Lines lines = new Utf8Lines(System.in)) {
      for (Utf8Lines.Line l = lines.next(); l != null; l = lines.next()) {
        Map<String, Object> result;
        JsonNode id = null;
        try {
          if (l.error() != null) {
            throw new IllegalArgumentException(l.error());
          }
          JsonNode d = JSON.readTree(l.text());
          if (d == null || !d.isObject()) {
            throw new IllegalArgumentException("not a JSON object");
          }
          id = d.get("id");
          if (!d.path("text").isTextual()) {
            throw new IllegalArgumentException("no string \"text\"");
          }
          String linePrompt = d.path("prompt").isTextual() ? d.get("prompt").textValue() : prompt;
          String answer = d.get("text").textValue();
          result = new LinkedHashMap<>();
          result.put("id", id);
          result.putAll(GuardJson.of(guard.check(answer, linePrompt), answer, linePrompt));
        } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
          String message = "line " + l.number() + ": " + (e instanceof com.fasterxml.jackson.core.JsonProcessingException
              ? "not valid JSON" : e.getMessage());
          err.println("lethe guard: " + message);
          result = new LinkedHashMap<>();
          result.put("id", id);
          result.put("error", message);
          errors++;
        }
        out.println(JSON.writeValueAsString(result));
      }
    }
    out.flush();
    return errors > 0 ? 1 : 0;
  }
}
