package dev.lethe.train.corpus;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.jgit.errors.MissingObjectException;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.PathFilter;

/**
 * One fetched repository snapshot: the bare git directory that the search tool's {@code fetch} leaves at
 * {@code <mirrors>/<owner>+<name>/repo}, read at its HEAD commit with JGit (no work tree, no git binary).
 * Files the snapshot lacks (those of 4 MiB and more are listed but absent) read as {@code null}.
 */
final class Snapshot implements AutoCloseable {
  private final String repo;
  private final Repository git;
  private final RevCommit head;
  private final Set<String> read = new TreeSet<>();

  private Snapshot(String repo, Repository git, RevCommit head) {
    this.repo = repo;
    this.git = git;
    this.head = head;
  }

  /** The directory where {@code fetch} puts {@code owner/name} under {@code mirrors}. */
  static Path dir(Path mirrors, String repo) {
    return mirrors.resolve(repo.replace('/', '+')).resolve("repo");
  }

  /** Whether a snapshot of {@code repo} has been fetched under {@code mirrors}. */
  static boolean present(Path mirrors, String repo) {
    return Files.isDirectory(dir(mirrors, repo).resolve("objects"));
  }

  static Snapshot open(Path mirrors, String repo) {
    Path dir = dir(mirrors, repo);
    try {
      Repository git = new FileRepositoryBuilder().setGitDir(dir.toFile()).setMustExist(true).build();
      ObjectId id = git.resolve("HEAD");
      if (id == null) {
        git.close();
        throw new IllegalStateException(dir + ": snapshot of " + repo + " has no HEAD commit");
      }
      try (RevWalk walk = new RevWalk(git)) {
        return new Snapshot(repo, git, walk.parseCommit(id));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(dir + ": cannot open snapshot of " + repo + ": " + e.getMessage(), e);
    }
  }

  /** {@code owner/name}. */
  String repo() {
    return repo;
  }

  /** The 40-hex commit id that HEAD names. */
  String commit() {
    return head.getName();
  }

  /** Paths of the files under {@code folder} (recursively, "" for all), in git's (byte) order. */
  List<String> files(String folder) {
    List<String> paths = new ArrayList<>();
    try (TreeWalk walk = new TreeWalk(git)) {
      walk.addTree(head.getTree());
      walk.setRecursive(true);
      if (!folder.isEmpty()) {
        walk.setFilter(PathFilter.create(folder));
      }
      while (walk.next()) {
        paths.add(walk.getPathString());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(repo + ": cannot list " + folder + ": " + e.getMessage(), e);
    }
    return paths;
  }

  /**
   * The file at {@code path} as UTF-8 text, or {@code null} when the commit has no such file or the snapshot
   * lacks its content. Invalid UTF-8 is an error naming the file, never silently replaced.
   */
  String read(String path) {
    try (TreeWalk walk = TreeWalk.forPath(git, path, head.getTree())) {
      if (walk == null) {
        return null;
      }
      byte[] bytes = git.open(walk.getObjectId(0)).getBytes();
      read.add(path);
      return StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(bytes)).toString();
    } catch (MissingObjectException e) {
      return null;
    } catch (CharacterCodingException e) {
      throw new IllegalArgumentException(repo + ":" + path + ": not valid UTF-8", e);
    } catch (IOException e) {
      throw new UncheckedIOException(repo + ":" + path + ": " + e.getMessage(), e);
    }
  }

  /** Like {@link #read} but a missing file is an error. */
  String require(String path) {
    String text = read(path);
    if (text == null) {
      throw new IllegalStateException(repo + "@" + commit() + ": no content for " + path);
    }
    return text;
  }

  /** Every path read so far, sorted: the provenance a manifest records. */
  List<String> readPaths() {
    return List.copyOf(read);
  }

  @Override
  public void close() {
    git.close();
  }
}
