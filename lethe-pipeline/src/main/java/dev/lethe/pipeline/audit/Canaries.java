package dev.lethe.pipeline.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.pipeline.Exclusion;
import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.sink.AtomicFiles;
import dev.lethe.pipeline.sink.Snapshot;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Canaries: unique fake e-mail addresses planted into the input before any policy runs, so that a snapshot
 * can be checked for them afterwards. For each source kind, the first {@code n} records the policy makes
 * ineligible get one appended (it must vanish with the record), and the first {@code n} eligible records get
 * one in a contact-details position ("You can reach me at ...", it must be masked). {@code lethe verify}
 * must find none of them. Planted in input order by the reading thread, so the choice is deterministic.
 *
 * <p>The canaries are fake (derived from the pseudonym key and the record id) and are kept in
 * {@code canaries.json} of the snapshot for the verifier.
 */
public final class Canaries {
  private static final String[] FIRST = {"orla", "teodor", "maike", "ilario", "sunniva", "bastien", "yolanda", "kasimir"};
  private static final String[] LAST = {"varga", "lindqvist", "okonkwo", "brandauer", "quesnel", "halloran", "szabo", "moretti"};

  /** One planted canary. */
  public record Planted(String value, String record, SourceKind source, boolean eligible) implements java.io.Serializable {}

  private final int n;
  private final Pseudonyms pseudonyms;
  private final Function<SourceRecord, Exclusion> eligibility;
  private final Map<SourceKind, int[]> counts = new EnumMap<>(SourceKind.class);
  private final List<Planted> planted = new ArrayList<>();

  public Canaries(int n, Pseudonyms pseudonyms, Function<SourceRecord, Exclusion> eligibility) {
    this.n = n;
    this.pseudonyms = pseudonyms;
    this.eligibility = eligibility;
  }

  /** The record, with a canary when it is one of the chosen ones. */
  public SourceRecord plant(SourceRecord r) {
    if (n <= 0 || r.text() == null) {
      return r;
    }
    boolean eligible = eligibility.apply(r) == null;
    int[] c = counts.computeIfAbsent(r.kind(), k -> new int[2]);
    int slot = eligible ? 1 : 0;
    if (c[slot] >= n) {
      return r;
    }
    c[slot]++;
    Planted p = canary(r.id(), r.kind(), eligible);
    planted.add(p);
    return planted(r, p);
  }

  /**
   * The canary of record {@code id}: what {@link #plant} plants when it chooses the record. A distributed runner
   * chooses the same records (the first {@code n} of each kind and eligibility in input order) and plants with
   * {@link #planted}.
   */
  public Planted canary(String id, SourceKind kind, boolean eligible) {
    return new Planted(value(id), id, kind, eligible);
  }

  /** {@code r} with canary {@code p}: in a contact position when eligible, else appended. */
  public static SourceRecord planted(SourceRecord r, Planted p) {
    return r.withText(p.eligible() ? r.text() + "\n\nYou can reach me at " + p.value() + " any time."
        : r.text() + "\nContact: " + p.value());
  }

  /** A unique, fake but well-formed e-mail address for {@code recordId}. */
  String value(String recordId) {
    String d = pseudonyms.digest("canary", recordId);
    int a = Integer.parseInt(d.substring(0, 2), 16);
    int b = Integer.parseInt(d.substring(2, 4), 16);
    return FIRST[a % FIRST.length] + "." + LAST[b % LAST.length] + "." + d.substring(4, 12) + "@post-" + d.substring(12, 16) + ".net";
  }

  public List<Planted> planted() {
    return List.copyOf(planted);
  }

  /** Writes {@code canaries.json} into the snapshot folder. */
  public static void write(Path dir, List<Planted> planted) throws IOException {
    ArrayNode a = Jsonl.MAPPER.createArrayNode();
    for (Planted p : planted) {
      ObjectNode o = a.addObject();
      o.put("value", p.value());
      o.put("record", p.record());
      o.put("source", p.source().id());
      o.put("eligible", p.eligible());
    }
    AtomicFiles.write(dir.resolve(Snapshot.CANARIES), Jsonl.MAPPER.writerWithDefaultPrettyPrinter().writeValueAsBytes(a));
  }

  /** The canaries of a snapshot (none when it has no canaries.json). */
  public static List<Planted> read(Path dir) throws IOException {
    Path f = dir.resolve(Snapshot.CANARIES);
    List<Planted> out = new ArrayList<>();
    if (!Files.isRegularFile(f)) {
      return out;
    }
    for (JsonNode o : Jsonl.MAPPER.readTree(f.toFile())) {
      out.add(new Planted(o.get("value").asText(), o.get("record").asText(), SourceKind.fromId(o.get("source").asText()),
          o.get("eligible").asBoolean()));
    }
    return out;
  }
}
