package dev.lethe.train.clusters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.jgit.api.Git;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TextSourceTest {
  private static final String BOOK = """
      \uFEFFThe Project Gutenberg eBook of Something
      This ebook is for the use of anyone anywhere in the United States.

      *** START OF THE PROJECT GUTENBERG EBOOK SOMETHING ***

      CHAPTER I

      Mr. Utterson the lawyer was a man
      of a rugged countenance.

      *** END OF THE PROJECT GUTENBERG EBOOK SOMETHING ***
      Updated editions will replace the previous one.
      """;

  private static List<String> cut(TextSource.Format format, String text) throws IOException {
    List<String> units = new ArrayList<>();
    TextSource source = new TextSource("o/r", "x", "x", Pattern.compile(".*"), format, null);
    assertThat(source.cut(text, "f", units::add)).isTrue();
    return units;
  }

  @Test
  void gutenbergBooksGiveTheirParagraphsWithoutTheLicenceHeaderAndFooter() throws IOException {
    assertThat(cut(TextSource.Format.GUTENBERG, BOOK))
        .containsExactly("CHAPTER I", "Mr. Utterson the lawyer was a man of a rugged countenance.");
  }

  @Test
  void aFileWithoutGutenbergMarkersIsNotReadAsABook() throws IOException {
    TextSource source = new TextSource("o/r", "x", "x", Pattern.compile(".*"), TextSource.Format.GUTENBERG, null);
    List<String> units = new ArrayList<>();
    assertThat(source.cut("Just some notes.\n\nMore notes.", "todo.txt", units::add)).isFalse();
    assertThat(units).isEmpty();
  }

  @Test
  void dialoguesGiveOneUnitPerUtterance() throws IOException {
    String json = """
        [{"dialogue_id": "1_00000", "turns": [
           {"speaker": "USER", "utterance": "Find me a table in San Jose."},
           {"speaker": "SYSTEM", "utterance": "For when?", "frames": []}]},
         {"dialogue_id": "1_00001", "turns": [{"speaker": "USER", "utterance": "  "}]}]
        """;
    assertThat(cut(TextSource.Format.SGD_DIALOGUES, json)).containsExactly("Find me a table in San Jose.", "For when?");
  }

  @Test
  void brokenJsonNamesTheRepositoryAndFile() {
    TextSource source = new TextSource("o/r", "x", "x", Pattern.compile(".*"), TextSource.Format.SGD_DIALOGUES, null);
    assertThatThrownBy(() -> source.cut("[{\"turns\": [", "train/dialogues_001.json", u -> { }))
        .isInstanceOf(IOException.class).hasMessageContaining("o/r train/dialogues_001.json: not JSON");
  }

  @Test
  void readsTheSnapshotsHeadCommitAndSkipsHeldOutSentences(@TempDir Path mirrors) throws Exception {
    Path work = mirrors.resolve("work");
    Files.createDirectories(work.resolve("raw"));
    Files.writeString(work.resolve("raw/tweets"), "hello from lima #travel\nRT @ana : see you at 5\n\nlast one\n");
    Files.writeString(work.resolve("notes.md"), "not read\n");
    Files.writeString(work.resolve("test.conll"), "RT\tO\n@ana\tO\n:\tO\nsee\tO\nyou\tO\nat\tO\n5\tO\n\n");
    String commit;
    try (Git git = Git.init().setDirectory(work.toFile()).setInitialBranch("main").call()) {
      git.add().addFilepattern(".").call();
      commit = git.commit().setMessage("data").setAuthor("t", "t@example.com").setCommitter("t", "t@example.com")
          .setSign(false).call().name();
    }
    Path snapshot = mirrors.resolve("owner+name");
    try (Git bare = Git.cloneRepository().setURI(work.toUri().toString()).setBare(true)
        .setDirectory(snapshot.resolve("repo").toFile()).call()) {
      assertThat(bare.getRepository().isBare()).isTrue();
    }
    TextSource source = new TextSource("owner/name", "CC-BY-4.0", "tweets", Pattern.compile("raw/.*"),
        TextSource.Format.LINES, Pattern.compile("test\\.conll"));
    List<String> units = new ArrayList<>();
    TextSource.Read read = source.read(mirrors, units::add);
    assertThat(units).containsExactly("hello from lima #travel", "last one");
    assertThat(read.commit()).isEqualTo(commit);
    assertThat(read.files()).isEqualTo(1);
    assertThat(read.units()).isEqualTo(2);
    assertThat(read.heldOutUnits()).isEqualTo(1);
  }

  @Test
  void aMissingSnapshotSaysWhichRepositoryToFetch(@TempDir Path mirrors) {
    TextSource source = TextSource.DEFAULT.get(0);
    assertThatThrownBy(() -> source.read(mirrors, u -> { })).isInstanceOf(IOException.class)
        .hasMessageContaining("fetch github:" + source.repo());
  }

  @Test
  void heldOutKeysIgnoreTokenisationAndCase() {
    assertThat(TextSource.key("RT @ana : See  you")).isEqualTo(TextSource.key("rt @ana: see you"));
    assertThat(TextSource.key("see you at 5")).isNotEqualTo(TextSource.key("see you at 6"));
  }
}
