package dev.lethe.pipeline.source;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.WebPage;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Crawled pages as JSONL, one page a line: {@code url} and {@code text} (required), {@code fetched_at},
 * {@code headers} (object of name to string or list), and optionally {@code status}, {@code html} and
 * {@code lang}. Other fields are ignored. The document id is the keyed pseudonym of the URL.
 */
public final class WebJsonlSource implements RecordSource {
  private final Path file;
  private final Pseudonyms pseudonyms;
  private final ReadLimits limits;
  private final AtomicLong bytesRead = new AtomicLong();

  public WebJsonlSource(Path file, Pseudonyms pseudonyms, ReadLimits limits) {
    this.file = file;
    this.pseudonyms = pseudonyms;
    this.limits = limits;
  }

  @Override
  public long bytesRead() {
    return bytesRead.get();
  }

  @Override
  public InputDigest read(Consumer<SourceRecord> sink) {
    String name = file.getFileName().toString();
    long n = JsonLines.read(file, limits, bytesRead, (line, o, error) -> {
      String origin = JsonLines.origin(name, line);
      String badId = pseudonyms.documentId(SourceKind.WEB, "unreadable:" + origin);
      if (error != null) {
        sink.accept(SourceRecord.unreadable(badId, SourceKind.WEB, origin, error));
        return;
      }
      String url = JsonLines.text(o, "url");
      String text = JsonLines.text(o, "text");
      URI uri = url == null ? null : uri(url);
      if (uri == null) {
        sink.accept(SourceRecord.unreadable(badId, SourceKind.WEB, origin, url == null ? "missing url" : "invalid url"));
        return;
      }
      String id = pseudonyms.documentId(SourceKind.WEB, uri.toString());
      if (text == null) {
        sink.accept(SourceRecord.unreadable(id, SourceKind.WEB, origin, "missing text"));
        return;
      }
      Map<String, List<String>> headers = headers(o.get("headers"));
      WebPage page = new WebPage(uri, o.path("status").asInt(0), headers, JsonLines.text(o, "html"),
          instant(JsonLines.text(o, "fetched_at")));
      String lang = JsonLines.text(o, "lang");
      sink.accept(new SourceRecord(id, SourceKind.WEB, origin, text, lang != null ? lang : page.header("content-language"),
          null, page, null, null));
    });
    return new InputDigest("web", name, Inputs.digestOrUnreadable(file), n, Inputs.sizeOrZero(file));
  }

  /** An absolute http(s) URL, or null. */
  static URI uri(String url) {
    try {
      URI u = new URI(url.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null ? u : null;
    } catch (URISyntaxException e) {
      return null;
    }
  }

  static Map<String, List<String>> headers(JsonNode h) {
    Map<String, List<String>> out = new LinkedHashMap<>();
    if (h == null || !h.isObject()) {
      return out;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = h.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      List<String> values = out.computeIfAbsent(e.getKey().toLowerCase(Locale.ROOT), k -> new ArrayList<>());
      if (e.getValue().isArray()) {
        e.getValue().forEach(v -> values.add(v.asText()));
      } else if (e.getValue().isValueNode()) {
        values.add(e.getValue().asText());
      }
    }
    return out;
  }

  static Instant instant(String s) {
    if (s == null) {
      return null;
    }
    try {
      return Instant.parse(s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }
}
