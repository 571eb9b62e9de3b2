package dev.lethe.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.filter.Label;
import dev.lethe.filter.PrivacyFilter;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.filter.io.RedactionJson;
import dev.lethe.filter.io.Utf8Lines;
import dev.lethe.filter.mask.Masker;
import dev.lethe.filter.mask.Redaction;
import dev.lethe.filter.mask.ReversibleMasker;
import dev.lethe.filter.mask.Replacement;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "redact", mixinStandardHelpOptions = true,
    description = {"Find and mask personal information in text.", "",
        "Input: TEXT arguments, --input files, or standard input. With --format jsonl every input line is a"
            + " JSON object with at least \"id\" and \"text\", and every output line answers the input line at the"
            + " same position (a bad line yields {\"id\", \"error\"} and the batch goes on). A per-label summary goes"
            + " to stderr."},
    footer = {"", "Examples:",
        "  lethe redact \"Call Ana Ruiz at +34 612 345 678\"",
        "  lethe redact --format json --input letter.txt",
        "  lethe redact --format jsonl < chats.jsonl > redacted.jsonl"})
final class RedactCommand implements Callable<Integer> {
  enum Format { text, json, jsonl }

  @Parameters(arity = "0..*", paramLabel = "TEXT", description = "Text to redact (each argument separately).")
  List<String> texts = new ArrayList<>();

  @Option(names = {"-i", "--input"}, paramLabel = "FILE", description = "Read input from FILE ('-' = stdin).")
  List<Path> inputs = new ArrayList<>();

  @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
      description = "text | json | jsonl (default: ${DEFAULT-VALUE}).")
  Format format;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write output to FILE (default stdout).")
  Path output;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads for jsonl (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--progress", negatable = true,
      description = "Show progress on stderr (default: when stderr is a terminal).")
  Boolean progress;

  @Option(names = {"-q", "--quiet"}, description = "No summary on stderr.")
  boolean quiet;

  @Mixin FilterOptions filterOptions;
  @Mixin MaskOptions maskOptions;

  private final Map<Label, Long> counts = new EnumMap<>(Label.class);
  private long docs;
  private long errors;

  @Override
  public Integer call() throws IOException {
    PrintStream err = System.err;
    Masker masker = maskOptions.masker(filterOptions.phoneRegion, err);
    PrivacyFilter filter = filterOptions.builder().masker(masker).build();
    Progress prog = new Progress(err, progress != null ? progress : System.console() != null);
    try (Writer out = output == null
        ? new BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16)
        : Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
      if (format == Format.jsonl) {
        List<InputStream> streams = inputStreams();
        for (InputStream in : streams) {
          batch(filter, masker, in, out, prog);
        }
      } else {
        for (String t : texts) {
          single(filter, t, out);
        }
        for (Path p : inputs.isEmpty() && texts.isEmpty() ? List.of(Path.of("-")) : inputs) {
          String text = readWhole(p);
          if (text == null) {
            errors++;
            continue;
          }
          single(filter, text, out);
        }
      }
    }
    prog.done();
    if (!quiet) {
      err.println(summary(prog));
    }
    return errors > 0 ? 1 : 0;
  }

  private List<InputStream> inputStreams() throws IOException {
    List<InputStream> streams = new ArrayList<>();
    for (Path p : inputs.isEmpty() ? List.of(Path.of("-")) : inputs) {
      streams.add(p.toString().equals("-") ? System.in : Files.newInputStream(p));
    }
    return streams;
  }

  /** A whole file (or stdin) as one text; invalid UTF-8 is reported with its line and byte, and skipped. */
  private String readWhole(Path p) throws IOException {
    StringBuilder b = new StringBuilder();
    try (Utf8Lines lines = new Utf8Lines(p.toString().equals("-") ? System.in : Files.newInputStream(p))) {
      for (Utf8Lines.Line l = lines.next(); l != null; l = lines.next()) {
        if (l.error() != null) {
          System.err.println("lethe redact: " + p + ": line " + l.number() + ": " + l.error());
          return null;
        }
        if (l.number() > 1) {
          b.append('\n');
        }
        b.append(l.text());
      }
    }
    return b.toString();
  }

  private void single(PrivacyFilter filter, String text, Writer out) throws IOException {
    Redaction r = filter.redact(text);
    count(r);
    docs++;
    if (format == Format.json) {
      ObjectNode o = toJson(null, text, r, filter.masker());
      o.put("schema_version", 1);
      o.put("operating_point", filter.operatingPoint().id());
      out.write(RedactionJson.line(o));
    } else {
      out.write(r.text());
      if (r.vault() != null && filter.masker() instanceof ReversibleMasker rm) {
        System.err.println("vault: " + rm.seal(r.vault()));
      }
    }
    out.write('\n');
  }

  /** The JSON of a redaction, with the sealed vault when the style is reversible. */
  private static ObjectNode toJson(String id, String text, Redaction r, Masker masker) {
    ObjectNode o = RedactionJson.toJson(id, text, r);
    if (r.vault() != null && masker instanceof ReversibleMasker rm) {
      o.put("vault", rm.seal(r.vault()));
    }
    return o;
  }

  private void batch(PrivacyFilter filter, Masker masker, InputStream in, Writer out, Progress prog) throws IOException {
    try (Utf8Lines lines = new Utf8Lines(in);
        OrderedParallel<Utf8Lines.Line, Result> par = new OrderedParallel<>(Math.max(1, threads),
            line -> process(filter, line), result -> write(result, out))) {
      for (Utf8Lines.Line l = lines.next(); l != null; l = lines.next()) {
        par.submit(l); // every input line, blank ones too, gets exactly one output line
        prog.update(docs, lines.bytesRead());
      }
      par.finish();
    }
  }

  /** One processed line: the JSON to write, the redaction (null for an error) and the error message. */
  private record Result(String json, Redaction redaction, String error) {}

  private static Result process(PrivacyFilter filter, Utf8Lines.Line line) {
    if (line.error() != null) {
      return failed(null, line.number(), line.error());
    }
    String id = null;
    if (line.text().isBlank()) {
      return failed(null, line.number(), "empty line");
    }
    try {
      JsonNode d = Jsonl.MAPPER.readTree(line.text());
      if (d == null || !d.isObject()) {
        return failed(null, line.number(), "not a JSON object");
      }
      JsonNode idNode = d.get("id");
      id = idNode == null || idNode.isNull() ? null : idNode.asText();
      JsonNode t = d.get("text");
      if (t == null || !t.isTextual()) {
        return failed(id, line.number(), t == null ? "no \"text\" field" : "\"text\" must be a string");
      }
      Redaction r = filter.redact(t.asText());
      return new Result(RedactionJson.line(toJson(id, t.asText(), r, filter.masker())), r, null);
    } catch (IOException e) {
      String msg = e instanceof com.fasterxml.jackson.core.JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
      return failed(id, line.number(), "invalid JSON: " + msg);
    } catch (RuntimeException | StackOverflowError e) {
      return failed(id, line.number(), "internal error: " + e); // one document's failure never sinks the batch
    }
  }

  private static Result failed(String id, long number, String message) {
    return new Result(RedactionJson.line(RedactionJson.error(id, number, message)), null, "line " + number + ": " + message);
  }

  private void write(Result r, Writer out) {
    try {
      out.write(r.json());
      out.write('\n');
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    docs++;
    if (r.error() != null) {
      errors++;
      System.err.println("lethe redact: " + r.error());
    } else {
      count(r.redaction());
    }
  }

  private void count(Redaction r) {
    for (Replacement rep : r.replacements()) {
      counts.merge(rep.span().label(), 1L, Long::sum);
    }
  }

  private String summary(Progress prog) {
    long spans = counts.values().stream().mapToLong(Long::longValue).sum();
    String perLabel = counts.entrySet().stream()
        .map(e -> e.getKey().id() + " " + e.getValue()).collect(Collectors.joining(", "));
    return String.format(Locale.ROOT, "redacted %,d document%s (%d error%s), %,d spans%s in %.2f s",
        docs, docs == 1 ? "" : "s", errors, errors == 1 ? "" : "s", spans,
        perLabel.isEmpty() ? "" : ": " + perLabel, prog.seconds());
  }
}
