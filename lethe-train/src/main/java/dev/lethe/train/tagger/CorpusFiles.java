package dev.lethe.train.tagger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.filter.Label;
import dev.lethe.filter.eval.DevSplit;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.filter.io.LabeledText;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The converted public corpora ({@code dev.lethe.train.corpus.Corpora}, see docs/corpora.md) as training,
 * calibration and held-out documents, read through the output folder's {@code manifest.json}.
 *
 * <p>The corpora mark people; their places and organisations are ignore regions and their dates are public
 * narrative (news, encyclopedias, novels), so outside ignore regions a token is neither a person, nor a
 * personal address, nor a personal date: the tagger learns from them that a public narrative date is not
 * personal. A quarter of each calibration split is used (by CRC-32 of the id), which keeps calibration as
 * quick as the development files' while every corpus still has its say in the operating points.
 */
final class CorpusFiles {
  static final Set<Label> ANNOTATES = EnumSet.of(Label.PRIVATE_PERSON, Label.PRIVATE_ADDRESS, Label.PRIVATE_DATE);

  /** One JSONL file of the manifest. */
  record File(String corpus, String split, String repo, String commit, String licence, String genre, String lang,
      Path path, int rows) {}

  private final Path dir;
  private final List<File> files;

  private CorpusFiles(Path dir, List<File> files) {
    this.dir = dir;
    this.files = List.copyOf(files);
  }

  /** Reads {@code dir/manifest.json}; fails naming the file when it is missing or malformed. */
  static CorpusFiles open(Path dir) throws IOException {
    Path manifest = dir.resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      throw new IllegalArgumentException("no corpora at " + dir.toAbsolutePath() + ": " + manifest
          + " is missing (build them with `lethe train corpora`, see docs/corpora.md)");
    }
    JsonNode root = Jsonl.MAPPER.readTree(manifest.toFile());
    List<File> files = new ArrayList<>();
    for (JsonNode f : root.path("files")) {
      String rel = f.path("file").asText("");
      if (rel.isEmpty()) {
        throw new IllegalArgumentException(manifest + ": a files entry has no \"file\"");
      }
      files.add(new File(f.path("corpus").asText(), f.path("split").asText(), f.path("repo").asText(),
          f.path("commit").asText(), f.path("licence").asText(), f.path("genre").asText(), f.path("lang").asText(),
          dir.resolve(rel), f.path("rows").asInt()));
    }
    return new CorpusFiles(dir, files);
  }

  Path dir() {
    return dir;
  }

  List<File> files() {
    return files;
  }

  /** The training documents and a quarter of the calibration documents of every corpus. */
  List<TrainingDoc> trainingAndCalibration() {
    List<TrainingDoc> docs = new ArrayList<>();
    for (File f : files) {
      boolean calibration = f.split().equals("calibration");
      if (!calibration && !f.split().equals("train")) {
        continue;
      }
      for (LabeledText d : Jsonl.read(f.path())) {
        if (calibration && DevSplit.crc(d.id()) % 4 != 0) {
          continue;
        }
        docs.add(new TrainingDoc(d, f.corpus(), ANNOTATES, calibration ? DevSplit.CALIBRATION : DevSplit.TRAIN));
      }
    }
    return docs;
  }

  /** The held-out files, one per corpus. */
  List<File> heldout() {
    return files.stream().filter(f -> f.split().equals("heldout")).toList();
  }

}
