package dev.lethe.pipeline.source;

import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.WebPage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.netpreserve.jwarc.HttpResponse;
import org.netpreserve.jwarc.MediaType;
import org.netpreserve.jwarc.WarcConversion;
import org.netpreserve.jwarc.WarcReader;
import org.netpreserve.jwarc.WarcRecord;
import org.netpreserve.jwarc.WarcResponse;

/**
 * Pages of a WARC file (read with jwarc; gzip per record is detected): {@code response} records give the
 * HTTP status, headers and HTML (turned into text with jsoup, scripts and styles removed), and
 * {@code conversion} records (WET files) give extracted text. Other record types (warcinfo, request,
 * metadata, revisit) are not documents and are skipped. jwarc undoes chunked and compressed
 * ({@code Content-Encoding: gzip}, ...) HTTP bodies; the charset is the one the header declares, else the
 * one a BOM or a {@code <meta charset>} tag declares (jsoup's detection), else UTF-8.
 *
 * <p>A record whose HTTP message cannot be parsed, or whose decoded body is over
 * {@link ReadLimits#maxRecordBytes()}, is reported as unreadable at its offset and reading goes on; a damaged
 * WARC header or gzip member ends the file (the reader cannot find the next record), reported the same way,
 * and a file that cannot be opened is one unreadable record.
 */
public final class WarcSource implements RecordSource {
  private final Path file;
  private final Pseudonyms pseudonyms;
  private final ReadLimits limits;
  private final AtomicLong bytesRead = new AtomicLong();

  public WarcSource(Path file, Pseudonyms pseudonyms, ReadLimits limits) {
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
    long n = 0;
    if (Inputs.sizeOrZero(file) > 0 || !Files.isRegularFile(file)) {
      try (WarcReader reader = new WarcReader(file)) {
        n = read(reader, name, sink);
      } catch (IOException | RuntimeException e) {
        n++;
        sink.accept(unreadable(name, "cannot read the file: " + Inputs.problem(e)));
      }
    }
    return new InputDigest("web", name, Inputs.digestOrUnreadable(file), n, Inputs.sizeOrZero(file));
  }

  private long read(WarcReader reader, String name, Consumer<SourceRecord> sink) {
    long n = 0;
    String lastOrigin = null;
    boolean lastUnreadable = false;
    while (true) {
      Optional<WarcRecord> next;
      try {
        next = reader.next();
      } catch (IOException | RuntimeException e) {
        // next() first moves past the previous record, then parses: the position is the failed record's, or
        // the previous record's when its own body was what could not be read
        String origin = name + "@" + reader.position();
        if (!(lastUnreadable && origin.equals(lastOrigin))) {  // else the record just reported is the damage
          n++;
          sink.accept(unreadable(origin, "bad WARC record (" + Inputs.problem(e) + "): rest of file skipped"));
        }
        return n;
      }
      if (next.isEmpty()) {
        bytesRead.set(Inputs.sizeOrZero(file));
        return n;
      }
      WarcRecord rec = next.get();
      bytesRead.set(reader.position());
      String origin = name + "@" + rec.position();
      SourceRecord r = rec instanceof WarcResponse resp ? response(resp, origin)
          : rec instanceof WarcConversion conv ? conversion(conv, origin) : null;
      if (r != null) {
        n++;
        sink.accept(r);
        lastOrigin = origin;
        lastUnreadable = r.unreadable() != null;
      }
    }
  }

  private SourceRecord unreadable(String origin, String why) {
    return SourceRecord.unreadable(pseudonyms.documentId(SourceKind.WEB, "unreadable:" + origin), SourceKind.WEB, origin, why);
  }

  /** The decoded body, or null when it is over the limit (what was read is dropped). */
  private byte[] body(InputStream in) throws IOException {
    byte[] b = in.readNBytes(limits.maxRecordBytes() + 1);
    return b.length > limits.maxRecordBytes() ? null : b;
  }

  private String tooLarge() {
    return "body over max_record_bytes (" + limits.maxRecordBytes() + ")";
  }

  private SourceRecord response(WarcResponse resp, String origin) {
    URI url = WebJsonlSource.uri(resp.target());
    if (url == null) {
      return unreadable(origin, "WARC-Target-URI is not an http(s) URL");
    }
    String id = pseudonyms.documentId(SourceKind.WEB, url.toString());
    try {
      HttpResponse http = resp.http();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      http.headers().map().forEach((k, v) -> headers.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
      byte[] body;
      try (InputStream in = http.bodyDecoded().stream()) {
        body = body(in);
      }
      if (body == null) {
        return SourceRecord.unreadable(id, SourceKind.WEB, origin, tooLarge());
      }
      MediaType type = http.contentType();
      String subtype = type == null ? "" : type.subtype().toLowerCase(Locale.ROOT);
      String text;
      String html = null;
      String lang = headers.containsKey("content-language") ? headers.get("content-language").get(0) : null;
      Charset declared = declaredCharset(type);
      if (subtype.contains("html") || subtype.contains("xml")) {
        Document doc = Jsoup.parse(new ByteArrayInputStream(body), declared == null ? null : declared.name(), url.toString());
        html = new String(body, doc.charset());
        if (lang == null && !doc.select("html[lang]").isEmpty()) {
          lang = doc.selectFirst("html[lang]").attr("lang");
        }
        text = textOf(doc);
      } else {
        text = new String(body, declared == null ? StandardCharsets.UTF_8 : declared);
      }
      return new SourceRecord(id, SourceKind.WEB, origin, text, lang, null,
          new WebPage(url, http.status(), headers, html, resp.date()), null, null);
    } catch (IOException | RuntimeException e) {
      return SourceRecord.unreadable(id, SourceKind.WEB, origin, "bad HTTP response in WARC record (" + Inputs.problem(e) + ")");
    }
  }

  private SourceRecord conversion(WarcConversion conv, String origin) {
    URI url = WebJsonlSource.uri(conv.target());
    if (url == null) {
      return unreadable(origin, "WARC-Target-URI is not an http(s) URL");
    }
    String id = pseudonyms.documentId(SourceKind.WEB, url.toString());
    try (InputStream in = conv.body().stream()) {
      byte[] body = body(in);
      if (body == null) {
        return SourceRecord.unreadable(id, SourceKind.WEB, origin, tooLarge());
      }
      Charset declared = declaredCharset(conv.contentType());
      String text = new String(body, declared == null ? StandardCharsets.UTF_8 : declared);
      return new SourceRecord(id, SourceKind.WEB, origin, text, null, null,
          new WebPage(url, 0, Map.of(), null, conv.date()), null, null);
    } catch (IOException | RuntimeException e) {
      return SourceRecord.unreadable(id, SourceKind.WEB, origin, "bad WARC conversion record (" + Inputs.problem(e) + ")");
    }
  }

  /** The charset a Content-Type declares, or null when it declares none or one Java does not know. */
  private static Charset declaredCharset(MediaType type) {
    String cs = type == null ? null : type.parameters().get("charset");
    try {
      return cs == null ? null : Charset.forName(cs.strip());
    } catch (RuntimeException e) {
      return null;
    }
  }

  /** Visible text of the page, one line per block, without scripts, styles and navigation chrome. */
  static String textOf(Document doc) {
    doc.select("script, style, noscript, template, svg, nav, header > nav, footer nav").remove();
    Element body = doc.body();
    if (body == null) {
      return "";
    }
    body.select("br").after("\n");
    body.select("p, div, li, h1, h2, h3, h4, h5, h6, tr, section, article, blockquote, pre").after("\n");
    StringBuilder out = new StringBuilder();
    for (String line : body.wholeText().split("\n")) {
      String l = line.strip().replaceAll("[ \\t\\x0B\\f\\r]+", " ");
      if (!l.isEmpty()) {
        out.append(l).append('\n');
      }
    }
    return out.toString().strip();
  }
}
