package dev.lethe.pipeline.source;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.SourceRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * A partner dataset: JSONL with {@code text} (required), optionally {@code id} and {@code lang}, and the
 * licence or terms either per record ({@code licence}, {@code license} or {@code terms}) or for the whole
 * file in a sidecar {@code <name>.meta.json} ({@code {"licence": "CC-BY-4.0"}}); a record's own field wins.
 * Every other field is ignored. A sidecar that cannot be read or parsed gives no licence: its file's records
 * without one of their own are unreadable, saying so.
 */
public final class PartnerSource implements RecordSource {
  private final Path file;
  private final Pseudonyms pseudonyms;
  private final ReadLimits limits;
  private final AtomicLong bytesRead = new AtomicLong();

  public PartnerSource(Path file, Pseudonyms pseudonyms, ReadLimits limits) {
    this.file = file;
    this.pseudonyms = pseudonyms;
    this.limits = limits;
  }

  /** The sidecar of a partner file: {@code data.jsonl} -> {@code data.meta.json}. */
  public static Path sidecar(Path file) {
    String n = file.getFileName().toString();
    int dot = n.indexOf('.');
    return file.resolveSibling((dot > 0 ? n.substring(0, dot) : n) + ".meta.json");
  }

  @Override
  public long bytesRead() {
    return bytesRead.get();
  }

  @Override
  public InputDigest read(Consumer<SourceRecord> sink) {
    String name = file.getFileName().toString();
    String fileLicence = null;
    String sidecarProblem = null;
    Path meta = sidecar(file);
    if (Files.exists(meta)) {
      try {
        long size = Files.size(meta);
        JsonNode m = size == 0 || size > limits.maxRecordBytes() ? null : limits.mapper().readTree(Files.readAllBytes(meta));
        if (m != null && m.isObject()) {
          fileLicence = licence(m);
        } else {
          sidecarProblem = size == 0 ? "empty file" : size > limits.maxRecordBytes() ? "over max_record_bytes" : "not a JSON object";
        }
      } catch (JsonProcessingException e) {
        sidecarProblem = limits.describe(e);
      } catch (IOException e) {
        sidecarProblem = Inputs.problem(e);
      }
    }
    String defaultLicence = fileLicence;
    String noLicence = sidecarProblem == null ? null
        : "no licence of its own, and " + meta.getFileName() + " cannot be used: " + sidecarProblem;
    long n = JsonLines.read(file, limits, bytesRead, (line, o, error) -> {
      String origin = JsonLines.origin(name, line);
      if (error != null) {
        sink.accept(SourceRecord.unreadable(pseudonyms.documentId(SourceKind.PARTNER, name + "#line" + line),
            SourceKind.PARTNER, origin, error));
        return;
      }
      String recordId = JsonLines.text(o, "id");
      String id = pseudonyms.documentId(SourceKind.PARTNER, name + "#" + (recordId != null ? recordId : "line" + line));
      String text = JsonLines.text(o, "text");
      if (text == null) {
        sink.accept(SourceRecord.unreadable(id, SourceKind.PARTNER, origin, "missing text"));
        return;
      }
      String own = licence(o);
      if (own == null && noLicence != null) {
        sink.accept(SourceRecord.unreadable(id, SourceKind.PARTNER, origin, noLicence));
        return;
      }
      sink.accept(new SourceRecord(id, SourceKind.PARTNER, origin, text, JsonLines.text(o, "lang"), null, null,
          own != null ? own : defaultLicence, null));
    });
    return new InputDigest("partner", name, Inputs.digestOrUnreadable(file), n, Inputs.sizeOrZero(file));
  }

  private static String licence(JsonNode o) {
    for (String f : new String[] {"licence", "license", "terms"}) {
      String v = o == null ? null : JsonLines.text(o, f);
      if (v != null) {
        return v;
      }
    }
    return null;
  }
}
