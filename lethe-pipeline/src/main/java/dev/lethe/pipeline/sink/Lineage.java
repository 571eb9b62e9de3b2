package dev.lethe.pipeline.sink;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.pipeline.SourceKind;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * The lineage index of a snapshot, kept on disk and sorted so that nothing about it has to live in memory:
 * {@code lineage/documents.jsonl.zst} has one line per document sorted by document id
 * ({@code {"id","shard","line","source","subject"}}), {@code lineage/subjects.jsonl.zst} one line per
 * pseudonymous user sorted by subject ({@code {"subject","documents":[...]}}, the documents in input order).
 * Readers stream both files; forget and verify look up only the ids and subjects a change names.
 *
 * <p>The writer takes entries in input order and sorts them externally ({@link ExternalSort}); a distributed
 * runner sorts with its own shuffle and writes the same lines through {@link DocumentLines}, so both runners
 * produce the same bytes.
 */
public final class Lineage implements AutoCloseable {
  /** One line of {@code lineage/documents.jsonl.zst}, read back. */
  public record Entry(String id, int shard, long line, SourceKind source, String subject) {}

  private final Path dir;
  private final int zstdLevel;
  private final ExternalSort documents;
  private final ExternalSort subjects;
  private long seq;

  public Lineage(Path dir, int zstdLevel) {
    this(dir, zstdLevel, ExternalSort.DEFAULT_RUN_LINES);
  }

  Lineage(Path dir, int zstdLevel, int runLines) {
    this.dir = dir;
    this.zstdLevel = zstdLevel;
    this.documents = new ExternalSort(dir.resolve("lineage"), "documents-run", runLines);
    this.subjects = new ExternalSort(dir.resolve("lineage"), "subjects-run", runLines);
  }

  /** Records where a document went; called in input order. */
  public void add(String id, int shard, long line, SourceKind source, String subject) throws IOException {
    // Lines start with {"id":"<id>", and ids have one length, so line order is id order.
    documents.add(DocumentLines.lineage(id, shard, line, source, subject));
    if (subject != null) {
      // subject, then the input position (fixed width), so a user's documents stay in input order
      subjects.add(subjectKey(subject, seq++, id));
    }
  }

  /** Writes both files under their final names; returns their digests by file name. */
  public Map<String, String> commit() throws IOException {
    Map<String, String> files = new TreeMap<>();
    try (ZstdLines w = new ZstdLines(dir.resolve(Snapshot.DOCUMENTS), zstdLevel)) {
      documents.drain(unchecked(w::append));
      files.put(Snapshot.DOCUMENTS, w.commit());
    }
    try (ZstdLines w = new ZstdLines(dir.resolve(Snapshot.SUBJECTS), SUBJECTS_LEVEL)) {
      SubjectLines lines = new SubjectLines(w);
      subjects.drain(unchecked(lines::accept));
      lines.finish();
      files.put(Snapshot.SUBJECTS, w.commit());
    }
    return files;
  }

  /**
   * The sort key of one (user, document) pair: subject, the document's input position (fixed width), id. Sorted
   * keys group each user's documents in input order; {@link SubjectLines} turns them into the subjects file.
   */
  public static String subjectKey(String subject, long position, String id) {
    return subject + '\t' + String.format(Locale.ROOT, "%019d", position) + '\t' + id;
  }

  /** Writes {@code lineage/subjects.jsonl.zst} lines from {@link #subjectKey} keys taken in sorted order. */
  public static final class SubjectLines {
    private final ZstdLines out;
    private final List<String> docs = new ArrayList<>();
    private String current;

    public SubjectLines(ZstdLines out) {
      this.out = out;
    }

    public void accept(String key) throws IOException {
      int a = key.indexOf('\t');
      String subject = key.substring(0, a);
      if (current != null && !current.equals(subject)) {
        flush();
      }
      current = subject;
      docs.add(key.substring(key.indexOf('\t', a + 1) + 1));
    }

    /** Writes the last user's line. */
    public void finish() throws IOException {
      if (current != null) {
        flush();
      }
    }

    private void flush() throws IOException {
      out.append(DocumentLines.subjects(current, docs));
      docs.clear();
    }
  }

  /** The zstd level of the subjects file, fixed (it is small). */
  public static final int SUBJECTS_LEVEL = 3;

  /** Streams {@code lineage/documents.jsonl.zst} of {@code snapshot} in id order. */
  public static void documents(Path snapshot, IoConsumer<Entry> each) throws IOException {
    try (BufferedReader r = ZstdLines.reader(snapshot.resolve(Snapshot.DOCUMENTS))) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode o = Jsonl.MAPPER.readTree(line);
        each.accept(new Entry(o.get("id").asText(), o.get("shard").asInt(), o.get("line").asLong(),
            SourceKind.fromId(o.get("source").asText()), o.has("subject") ? o.get("subject").asText() : null));
      }
    }
  }

  /** Streams {@code lineage/subjects.jsonl.zst} of {@code snapshot} in subject order. */
  public static void subjects(Path snapshot, IoBiConsumer<String, List<String>> each) throws IOException {
    try (BufferedReader r = ZstdLines.reader(snapshot.resolve(Snapshot.SUBJECTS))) {
      String line;
      while ((line = r.readLine()) != null) {
        JsonNode o = Jsonl.MAPPER.readTree(line);
        List<String> docs = new ArrayList<>();
        o.get("documents").forEach(d -> docs.add(d.asText()));
        each.accept(o.get("subject").asText(), docs);
      }
    }
  }

  /**
   * A 64-bit hash of one lineage entry. Summed per shard (mod 2^64), it is an order-independent digest of the
   * shard's (id, line) pairs that the verifier compares between the index and the shard, without holding either.
   */
  public static long entryHash(String id, int shard, long line) {
    byte[] d = dev.lethe.pipeline.source.Digests.sha256()
        .digest((id + '\n' + shard + '\n' + line).getBytes(java.nio.charset.StandardCharsets.UTF_8));
    return java.nio.ByteBuffer.wrap(d).getLong();
  }

  /** A consumer that may fail with an {@link IOException}. */
  @FunctionalInterface
  public interface IoConsumer<T> {
    void accept(T t) throws IOException;
  }

  /** A two-argument consumer that may fail with an {@link IOException}. */
  @FunctionalInterface
  public interface IoBiConsumer<T, U> {
    void accept(T t, U u) throws IOException;
  }

  private static java.util.function.Consumer<String> unchecked(IoConsumer<String> c) {
    return l -> {
      try {
        c.accept(l);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }

  @Override
  public void close() throws IOException {
    documents.close();
    subjects.close();
  }
}
