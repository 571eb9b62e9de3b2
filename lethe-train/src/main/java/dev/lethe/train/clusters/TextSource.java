package dev.lethe.train.clusters;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * An unlabelled text source: files of a public GitHub repository, read from the bare git snapshot that the
 * search tool's {@code fetch} leaves under {@code <mirrors>/<owner>+<name>/repo}, cut into units of text
 * (no word pair spans two units). The snapshot's HEAD commit is recorded; files the snapshot lacks (it
 * keeps no file of 4 MiB or more) are counted and skipped.
 *
 * @param repo GitHub {@code owner/name}
 * @param license the licence of the text read, as its repository states it
 * @param genre what kind of text it is
 * @param files the paths read, matched whole
 * @param format how a file is cut into units
 * @param heldOut paths of CoNLL files (token first on each line) whose sentences are held out of training
 *     elsewhere: a unit that spells the same characters is skipped, so no held-out text shapes the clusters
 */
public record TextSource(String repo, String license, String genre, Pattern files, Format format, Pattern heldOut) {

  /** How a file is cut into units of text. */
  public enum Format {
    /** A Project Gutenberg eBook: the text between its START and END lines, one unit a paragraph. */
    GUTENBERG,
    /** One unit a non-blank line (posts, comments). */
    LINES,
    /** Schema-Guided Dialogue JSON: one unit an utterance. */
    SGD_DIALOGUES
  }

  private static final Pattern START = Pattern.compile("(?m)^\\*\\*\\* ?START OF (THE|THIS) PROJECT GUTENBERG EBOOK.*$");
  private static final Pattern END = Pattern.compile("(?m)^\\*\\*\\* ?END OF (THE|THIS) PROJECT GUTENBERG EBOOK.*$");
  private static final Pattern PARAGRAPH = Pattern.compile("\\R\\s*\\R");
  private static final Pattern WHITESPACE = Pattern.compile("\\s+");
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int MAX_FILE = 64 << 20;

  /** The sources {@code lethe-train}'s committed clusters were learnt from. */
  public static final List<TextSource> DEFAULT = List.of(
      new TextSource("jhacksman/arxiv2025", "public domain in the US (Project Gutenberg eBooks; the Project"
          + " Gutenberg licence header and footer are dropped)", "books: fiction, drama, essays, philosophy,"
          + " history", Pattern.compile("library/content/literature/.*\\.txt"), Format.GUTENBERG, null),
      new TextSource("google-research-datasets/dstc8-schema-guided-dialogue", "CC-BY-SA-4.0",
          "task dialogues (restaurants, travel, events, banking, ...)",
          Pattern.compile("(train|dev|test)/dialogues_\\d+\\.json"), Format.SGD_DIALOGUES, null),
      new TextSource("leondz/emerging_entities_17", "CC-BY-4.0", "tweets, YouTube comments, Reddit,"
          + " StackExchange titles", Pattern.compile("source/raw_data/.*"), Format.LINES,
          Pattern.compile("emerging\\.(dev|test)\\.conll")));

  /**
   * What one source gave.
   *
   * @param commit the snapshot's HEAD commit
   * @param files files read
   * @param missingFiles matching files the snapshot lacks
   * @param skippedFiles matching files not of the source's format (a saved error page instead of a book)
   * @param units units of text given
   * @param heldOutUnits units skipped because they spell a held-out sentence
   */
  public record Read(TextSource source, String commit, int files, int missingFiles, int skippedFiles, long units,
      long heldOutUnits) {}

  /** The snapshot directory of this source under {@code mirrors}. */
  Path snapshot(Path mirrors) {
    return mirrors.resolve(repo.replace('/', '+')).resolve("repo");
  }

  /**
   * Reads every unit of this source into {@code units}.
   *
   * @throws IOException when the snapshot is absent or unreadable; the message names the repository to fetch
   */
  Read read(Path mirrors, Consumer<String> units) throws IOException {
    Path dir = snapshot(mirrors);
    if (!Files.isDirectory(dir)) {
      throw new IOException("no snapshot of " + repo + " at " + dir + ": fetch github:" + repo + " first");
    }
    try (Repository git = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
        RevWalk commits = new RevWalk(git)) {
      ObjectId head = git.resolve("HEAD");
      if (head == null) {
        throw new IOException("snapshot " + dir + " has no HEAD commit");
      }
      RevCommit commit = commits.parseCommit(head);
      Set<String> heldOutKeys = heldOut == null ? Set.of() : heldOutKeys(git, commit);
      int filesRead = 0;
      int missing = 0;
      int skipped = 0;
      long[] counts = new long[2];
      Consumer<String> sink = unit -> {
        if (!heldOutKeys.isEmpty() && heldOutKeys.contains(key(unit))) {
          counts[1]++;
        } else {
          counts[0]++;
          units.accept(unit);
        }
      };
      try (TreeWalk walk = new TreeWalk(git)) {
        walk.addTree(commit.getTree());
        walk.setRecursive(true);
        while (walk.next()) {
          if (!files.matcher(walk.getPathString()).matches()) {
            continue;
          }
          String text;
          try {
            text = new String(git.open(walk.getObjectId(0)).getBytes(MAX_FILE), StandardCharsets.UTF_8);
          } catch (MissingObjectException e) {
            missing++;
            continue;
          }
          if (cut(text, walk.getPathString(), sink)) {
            filesRead++;
          } else {
            skipped++;
          }
        }
      }
      return new Read(this, commit.name(), filesRead, missing, skipped, counts[0], counts[1]);
    }
  }

  /** Cuts one file into units; false when the file is not of this source's format and gave none. */
  boolean cut(String text, String path, Consumer<String> units) throws IOException {
    String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
    switch (format) {
      case GUTENBERG -> {
        var start = START.matcher(body);
        var end = END.matcher(body);
        if (!start.find() || !end.find(start.end())) {
          return false;
        }
        for (String paragraph : PARAGRAPH.split(body.substring(start.end(), end.start()))) {
          emit(WHITESPACE.matcher(paragraph).replaceAll(" "), units);
        }
      }
      case LINES -> body.lines().forEach(line -> emit(line, units));
      case SGD_DIALOGUES -> {
        JsonNode dialogues;
        try {
          dialogues = JSON.readTree(body);
        } catch (JsonProcessingException e) {
          throw new IOException(repo + " " + path + ": not JSON: " + e.getOriginalMessage(), e);
        }
        for (JsonNode dialogue : dialogues) {
          for (JsonNode turn : dialogue.path("turns")) {
            emit(turn.path("utterance").asText(""), units);
          }
        }
      }
      default -> throw new IllegalStateException("unknown format " + format);
    }
    return true;
  }

  private static void emit(String unit, Consumer<String> units) {
    String trimmed = unit.strip();
    if (!trimmed.isEmpty()) {
      units.accept(trimmed);
    }
  }

  /** The sentences of the held-out CoNLL files, as {@link #key}s. */
  private Set<String> heldOutKeys(Repository git, RevCommit commit) throws IOException {
    Set<String> keys = new HashSet<>();
    try (TreeWalk walk = new TreeWalk(git)) {
      walk.addTree(commit.getTree());
      walk.setRecursive(true);
      while (walk.next()) {
        if (heldOut.matcher(walk.getPathString()).matches()) {
          String conll = new String(git.open(walk.getObjectId(0)).getBytes(MAX_FILE), StandardCharsets.UTF_8);
          StringBuilder sentence = new StringBuilder();
          for (String line : (conll + "\n\n").split("\n", -1)) {
            String token = line.strip();
            if (token.isEmpty()) {
              if (sentence.length() > 0) {
                keys.add(key(sentence.toString()));
                sentence.setLength(0);
              }
            } else {
              sentence.append(WHITESPACE.split(token, 2)[0]);
            }
          }
        }
      }
    }
    return keys;
  }

  /** A unit's characters without whitespace, lower-cased: the same text however it was tokenised. */
  static String key(String unit) {
    return WHITESPACE.matcher(unit).replaceAll("").toLowerCase(Locale.ROOT);
  }
}
