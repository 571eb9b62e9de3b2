package dev.lethe.pipeline.sink;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.filter.io.RedactionJson;
import dev.lethe.pipeline.Exclusion;
import dev.lethe.pipeline.Reason;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.TrainingDocument;
import java.io.IOException;

/** The JSON lines of shards and of the exclusion log, written and read. */
public final class DocumentLines {
  private DocumentLines() {}

  /** {@code {"id","source","lang","text"}}. */
  public static String toLine(TrainingDocument d) {
    ObjectNode o = Jsonl.MAPPER.createObjectNode();
    o.put("id", d.id());
    o.put("source", d.source().id());
    o.put("lang", d.language());
    o.put("text", d.text());
    return RedactionJson.line(o);
  }

  public static TrainingDocument document(String line) throws IOException {
    JsonNode o = Jsonl.MAPPER.readTree(line);
    return new TrainingDocument(o.get("id").asText(), SourceKind.fromId(o.get("source").asText()), o.get("lang").asText(),
        o.get("text").asText());
  }

  /** {@code {"id","source","origin","reason","detail"}}; no content. */
  public static String toLine(Exclusion e) {
    ObjectNode o = Jsonl.MAPPER.createObjectNode();
    o.put("id", e.id());
    o.put("source", e.source().id());
    o.put("origin", e.origin());
    o.put("reason", e.reason().id());
    if (e.detail() != null) {
      o.put("detail", e.detail());
    }
    return RedactionJson.line(o);
  }

  public static Exclusion exclusion(String line) throws IOException {
    JsonNode o = Jsonl.MAPPER.readTree(line);
    JsonNode detail = o.get("detail");
    return new Exclusion(o.get("id").asText(), SourceKind.fromId(o.get("source").asText()), o.get("origin").asText(),
        Reason.fromId(o.get("reason").asText()), detail == null ? null : detail.asText());
  }

  /** {@code {"id","shard","line","source","subject"}}. */
  public static String lineage(String id, int shard, long line, SourceKind source, String subject) {
    ObjectNode o = Jsonl.MAPPER.createObjectNode();
    o.put("id", id);
    o.put("shard", shard);
    o.put("line", line);
    o.put("source", source.id());
    if (subject != null) {
      o.put("subject", subject);
    }
    return RedactionJson.line(o);
  }

  /** {@code {"subject","documents":[...]}}: one pseudonymous user's documents, in input order. */
  public static String subjects(String subject, java.util.List<String> documents) {
    ObjectNode o = Jsonl.MAPPER.createObjectNode();
    o.put("subject", subject);
    com.fasterxml.jackson.databind.node.ArrayNode a = o.putArray("documents");
    documents.forEach(a::add);
    return RedactionJson.line(o);
  }
}
