package dev.lethe.pipeline.source;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * How large and how deep one input record may be. A record over a limit is excluded as unreadable with the
 * limit it broke, and the build goes on; nothing over the limit is held in memory whole. The limits bound
 * the memory one record can take (a worker holds a few records at a time), not the size of an input file.
 *
 * @param maxRecordBytes a JSONL line, or the decoded body of a WARC/WET record, in bytes
 *                       ({@code max_record_bytes}, {@code --max-record-bytes}; default 8 MiB)
 * @param maxJsonDepth   nesting of arrays and objects in a JSONL line ({@code max_json_depth},
 *                       {@code --max-json-depth}; default 64)
 */
public record ReadLimits(int maxRecordBytes, int maxJsonDepth) {
  /** 8 MiB: far above any page worth training on, low enough that a few per worker fit in a 2 GB heap. */
  public static final int DEFAULT_MAX_RECORD_BYTES = 8 << 20;
  /** 64 levels: crawl and partner records nest a handful; a JSON bomb nests thousands. */
  public static final int DEFAULT_MAX_JSON_DEPTH = 64;
  public static final ReadLimits DEFAULT = new ReadLimits(DEFAULT_MAX_RECORD_BYTES, DEFAULT_MAX_JSON_DEPTH);

  public ReadLimits {
    if (maxRecordBytes < 1024) {
      throw new IllegalArgumentException("max_record_bytes must be at least 1024, not " + maxRecordBytes);
    }
    if (maxJsonDepth < 2) {
      throw new IllegalArgumentException("max_json_depth must be at least 2, not " + maxJsonDepth);
    }
  }

  /** A mapper that refuses, with a {@link StreamConstraintsException}, JSON deeper or longer than these limits. */
  ObjectMapper mapper() {
    StreamReadConstraints c = StreamReadConstraints.builder()
        .maxNestingDepth(maxJsonDepth)
        .maxStringLength(maxRecordBytes)
        .maxDocumentLength(maxRecordBytes)
        .build();
    return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(c).build()).build();
  }

  /** What went wrong with a JSON text, by position and limit, never with its content. */
  String describe(JsonProcessingException e) {
    JsonLocation loc = e.getLocation();  // null for some constraint violations
    String where = loc == null || loc.getColumnNr() < 1 ? "" : " at column " + loc.getColumnNr();
    if (e instanceof StreamConstraintsException) {
      String m = String.valueOf(e.getOriginalMessage());
      if (m.contains("nesting depth")) {
        return "JSON nested deeper than max_json_depth (" + maxJsonDepth + ")" + where;
      }
      if (m.contains("Number value length")) {
        return "JSON number longer than " + StreamReadConstraints.DEFAULT_MAX_NUM_LEN + " digits" + where;
      }
      return "JSON over a read limit" + where;
    }
    return "invalid JSON" + where;
  }
}
