package dev.lethe.pipeline.sink;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files of a snapshot folder. The manifest is written last: a folder without {@code manifest.json} is an
 * unfinished build, never a snapshot.
 *
 * <pre>
 * manifest.json                  ids, parent, inputs, configuration hash, filter version, counts, file digests
 * shards/shard-NNNNN.jsonl.zst   the training documents {"id","source","lang","text"}
 * lineage/documents.jsonl.zst    {"id","shard","line","source","subject"}: where each document is, sorted by id
 * lineage/subjects.jsonl.zst     {"subject","documents":[...]}: each pseudonymous user's documents, sorted by subject
 * exclusions.jsonl.zst           {"id","source","origin","reason","detail"}: what was left out and why
 * canaries.json                  planted canary strings (with --canaries)
 * report.json, report.html       the privacy report
 * </pre>
 */
public final class Snapshot {
  public static final String MANIFEST = "manifest.json";
  public static final String BUILDING = ".lethe-building";
  public static final String DOCUMENTS = "lineage/documents.jsonl.zst";
  public static final String SUBJECTS = "lineage/subjects.jsonl.zst";
  public static final String EXCLUSIONS = "exclusions.jsonl.zst";
  public static final String CANARIES = "canaries.json";
  public static final String REPORT_JSON = "report.json";
  public static final String REPORT_HTML = "report.html";

  private Snapshot() {}

  /** Whether {@code dir} holds a finished snapshot. */
  public static boolean complete(Path dir) {
    return Files.isRegularFile(dir.resolve(MANIFEST));
  }
}
