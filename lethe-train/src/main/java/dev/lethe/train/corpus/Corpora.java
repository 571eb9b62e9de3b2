package dev.lethe.train.corpus;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.filter.eval.DevSplit;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Converts the fetched labelled corpora (WNUT-17, Universal NER, wikigold, SEC filings, re3d, CrossNER,
 * LitBank) and open name lists into Lethe's training material: one JSONL file per corpus and split ({@code
 * <out>/<corpus>/<train|calibration|heldout>.jsonl}, the format of CONVENTIONS.md plus {@code genre},
 * {@code lang}, {@code split}), name lists as TSV ({@code <out>/names/*.tsv}) and {@code <out>/manifest.json},
 * which records for every file the repository, commit, paths and licence it comes from and what it holds.
 *
 * <p>The input is the folder of bare git snapshots that the search tool's {@code fetch} leaves ({@code
 * <mirrors>/<owner>+<name>/repo}); a corpus whose snapshot is absent is listed as missing and skipped, and a
 * corpus that fails to convert is listed with its error without stopping the others. The same snapshots give
 * byte-identical files. Held-out rows (a corpus's own test split, else a fifth of the documents by id) are
 * for evaluation only.
 *
 * <p>Run alone: {@code java -cp ... dev.lethe.train.corpus.Corpora [MIRRORS [OUT]]}; see docs/corpora.md.
 */
public final class Corpora {
  private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Corpora() {}

  /**
   * What a build wrote.
   *
   * @param manifest the manifest file
   * @param files    every JSONL and TSV file written, relative to the output folder
   * @param missing  corpora and name lists whose snapshot is absent ({@code owner/name})
   * @param failed   corpora that could not be converted, with the reason
   */
  public record Result(Path manifest, List<String> files, List<String> missing, List<String> failed) {
    public Result {
      files = List.copyOf(files);
      missing = List.copyOf(missing);
      failed = List.copyOf(failed);
    }
  }

  /** The snapshots folder: {@code -Dlethe.mirrors}, {@code LETHE_MIRRORS}, or {@code ../.mirror}. */
  public static Path defaultMirrors() {
    return setting("lethe.mirrors", "LETHE_MIRRORS", "../.mirror");
  }

  /** The output folder: {@code -Dlethe.corpora}, {@code LETHE_CORPORA}, or {@code ../corpora}. */
  public static Path defaultOut() {
    return setting("lethe.corpora", "LETHE_CORPORA", "../corpora");
  }

  private static Path setting(String property, String env, String fallback) {
    String v = System.getProperty(property, System.getenv(env));
    return Path.of(v == null || v.isBlank() ? fallback : v);
  }

  /** Converts every corpus and name list found under {@code mirrors} into {@code out}. */
  public static Result build(Path mirrors, Path out) {
    if (!Files.isDirectory(mirrors)) {
      throw new IllegalArgumentException("no snapshots folder at " + mirrors.toAbsolutePath()
          + " (set -Dlethe.mirrors or LETHE_MIRRORS)");
    }
    List<String> files = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<String> failed = new ArrayList<>();
    ObjectNode manifest = MAPPER.createObjectNode();
    manifest.put("format", "CONVENTIONS.md labelled JSONL with genre, lang, split; names: name<TAB>kind<TAB>"
        + "country<TAB>frequency-or-rank");
    manifest.put("splits", "heldout: the corpus's test split, else DevSplit (CRC-32 of the id divisible by 5); "
        + "never train on it. calibration: its dev split, else CRC-32 % 10 == 3. train: the rest.");
    ArrayNode fileList = manifest.putArray("files");
    for (Corpus corpus : Catalogue.corpora()) {
      if (!Snapshot.present(mirrors, corpus.repo())) {
        missing.add(corpus.repo());
        continue;
      }
      try (Snapshot snapshot = Snapshot.open(mirrors, corpus.repo())) {
        List<CorpusDoc> docs = corpus.converter().convert(snapshot, corpus);
        checkUniqueIds(docs, corpus);
        Map<DevSplit, List<CorpusDoc>> bySplit = new EnumMap<>(DevSplit.class);
        docs.forEach(d -> bySplit.computeIfAbsent(d.split(), k -> new ArrayList<>()).add(d));
        Path folder = out.resolve(corpus.name());
        clearFolder(folder);
        for (Map.Entry<DevSplit, List<CorpusDoc>> e : bySplit.entrySet()) {
          String rel = corpus.name() + "/" + e.getKey().id() + ".jsonl";
          CorpusWriter.Counts c = CorpusWriter.write(out.resolve(rel), e.getValue(), corpus);
          files.add(rel);
          ObjectNode f = fileList.addObject();
          f.put("file", rel);
          f.put("corpus", corpus.name());
          f.put("split", e.getKey().id());
          provenance(f, snapshot, corpus.licence());
          f.put("genre", corpus.genre());
          f.put("lang", corpus.lang());
          f.put("notes", corpus.notes());
          f.put("rows", c.rows());
          f.put("rows_with_spans", c.rowsWithSpans());
          c.spans().forEach(f.putObject("spans")::put);
          f.put("ignore", c.ignore());
          c.genres().forEach(f.putObject("genres")::put);
        }
      } catch (RuntimeException e) {
        failed.add(corpus.name() + ": " + e.getMessage());
      }
    }
    ArrayNode nameList = manifest.putArray("names");
    for (NameSources.Written w : NameSources.build(mirrors, out, missing, failed)) {
      files.add(w.file());
      ObjectNode f = nameList.addObject();
      f.put("file", w.file());
      f.put("repo", w.repo());
      f.put("commit", w.commit());
      w.paths().forEach(f.putArray("paths")::add);
      f.put("licence", w.licence());
      f.put("rows", w.rows());
      w.kinds().forEach(f.putObject("kinds")::put);
      w.countries().forEach(f.putArray("countries")::add);
      f.put("skipped_lines", w.skippedLines());
    }
    ArrayNode excluded = manifest.putArray("excluded");
    for (Catalogue.Exclusion x : Catalogue.exclusions()) {
      excluded.addObject().put("repo", x.repo()).put("what", x.what()).put("reason", x.reason());
    }
    for (NameSources.Exclusion x : NameSources.exclusions()) {
      excluded.addObject().put("repo", x.repo()).put("what", x.what()).put("reason", x.reason());
    }
    missing.forEach(manifest.putArray("missing")::add);
    failed.forEach(manifest.putArray("failed")::add);
    Path manifestFile = out.resolve("manifest.json");
    writeAtomically(manifestFile, json(manifest));
    return new Result(manifestFile, files, missing, failed);
  }

  static void provenance(ObjectNode f, Snapshot snapshot, String licence) {
    f.put("repo", snapshot.repo());
    f.put("commit", snapshot.commit());
    snapshot.readPaths().forEach(f.putArray("paths")::add);
    f.put("licence", licence);
  }

  private static void checkUniqueIds(List<CorpusDoc> docs, Corpus corpus) {
    Set<String> seen = new HashSet<>();
    for (CorpusDoc d : docs) {
      if (!seen.add(d.id())) {
        throw new IllegalStateException("duplicate document id " + d.id() + " in " + corpus.name());
      }
    }
  }

  /**
   * Makes {@code folder} an empty output folder: removes the JSONL and TSV files of an earlier build (so no
   * stale split survives) and writes a {@code .gitignore} of {@code *}, so that an output folder inside a
   * checkout is never committed.
   */
  static void clearFolder(Path folder) {
    try {
      Files.createDirectories(folder);
      try (Stream<Path> old = Files.list(folder)) {
        for (Path p : old.filter(p -> p.toString().endsWith(".jsonl") || p.toString().endsWith(".tsv")).toList()) {
          Files.delete(p);
        }
      }
      Files.writeString(folder.resolve(".gitignore"), "*\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot prepare " + folder + ": " + e.getMessage(), e);
    }
  }

  static void writeAtomically(Path file, String content) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      Files.writeString(tmp, content, StandardCharsets.UTF_8);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file + ": " + e.getMessage(), e);
    }
  }

  private static String json(ObjectNode node) {
    try {
      return MAPPER.writeValueAsString(node) + "\n";
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code Corpora [MIRRORS [OUT]]}: builds, prints a line per file, exits 1 when a corpus failed. */
  public static void main(String[] args) {
    Path mirrors = args.length > 0 ? Path.of(args[0]) : defaultMirrors();
    Path out = args.length > 1 ? Path.of(args[1]) : defaultOut();
    Result r = build(mirrors, out);
    r.files().forEach(f -> System.out.println("wrote " + out.resolve(f)));
    r.missing().forEach(m -> System.err.println("missing snapshot (fetch it): " + m));
    r.failed().forEach(f -> System.err.println("failed: " + f));
    System.out.println("manifest: " + r.manifest());
    if (!r.failed().isEmpty()) {
      System.exit(1);
    }
  }
}
