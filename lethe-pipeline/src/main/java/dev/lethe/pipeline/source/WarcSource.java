package dev.lethe.pipeline.source;

import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.pipeline.SourceKind;
import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.WebPage;
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
 * metadata) are not documents and are skipped.
 *
 * <p>A record whose HTTP message cannot be parsed is reported as unreadable at its offset and reading goes
 * on; a damaged WARC header ends the file (the reader cannot find the next record), reported the same way.
 */
public final class WarcSource implements RecordSource {
  /** Response bodies above this are not pages worth training on; cut to keep memory bounded. */
  static final int MAX_BODY = 8 << 20;

  private final Path file;
  private final Pseudonyms pseudonyms;

  public WarcSource(Path file, Pseudonyms pseudonyms) {
    this.file = file;
    this.pseudonyms = pseudonyms;
  }

  @Override
  public InputDigest read(Consumer<SourceRecord> sink) throws IOException {
    String name = file.getFileName().toString();
    long n = 0;
    try (WarcReader reader = new WarcReader(file)) {
      while (true) {
        long offset = reader.position();
        Optional<WarcRecord> next;
        try {
          next = reader.next();
        } catch (IOException | RuntimeException e) {
          n++;
          sink.accept(SourceRecord.unreadable(pseudonyms.documentId(SourceKind.WEB, "unreadable:" + name + "@" + offset),
              SourceKind.WEB, name + "@" + offset, "bad WARC record (" + e.getClass().getSimpleName() + "): rest of file skipped"));
          break;
        }
        if (next.isEmpty()) {
          break;
        }
        WarcRecord rec = next.get();
        String origin = name + "@" + rec.position();
        if (rec instanceof WarcResponse resp) {
          n++;
          sink.accept(response(resp, origin));
        } else if (rec instanceof WarcConversion conv) {
          n++;
          sink.accept(conversion(conv, origin));
        }
      }
    }
    return new InputDigest("web", name, Digests.file(file), n, Files.size(file));
  }

  /** The record of a WARC record whose target is not an http(s) URL. */
  private SourceRecord badTarget(String origin) {
    return SourceRecord.unreadable(pseudonyms.documentId(SourceKind.WEB, "unreadable:" + origin), SourceKind.WEB, origin,
        "WARC-Target-URI is not an http(s) URL");
  }

  private SourceRecord response(WarcResponse resp, String origin) {
    URI url = WebJsonlSource.uri(resp.target());
    if (url == null) {
      return badTarget(origin);
    }
    String id = pseudonyms.documentId(SourceKind.WEB, url.toString());
    try {
      HttpResponse http = resp.http();
      Map<String, List<String>> headers = new LinkedHashMap<>();
      http.headers().map().forEach((k, v) -> headers.computeIfAbsent(k.toLowerCase(Locale.ROOT), x -> new ArrayList<>()).addAll(v));
      byte[] body;
      try (InputStream in = http.bodyDecoded().stream()) {
        body = in.readNBytes(MAX_BODY);
      }
      MediaType type = http.contentType();
      String subtype = type == null ? "" : type.subtype().toLowerCase(Locale.ROOT);
      String text;
      String html = null;
      String lang = headers.containsKey("content-language") ? headers.get("content-language").get(0) : null;
      Charset cs = charset(type);
      if (subtype.contains("html") || subtype.contains("xml")) {
        html = new String(body, cs);
        Document doc = Jsoup.parse(html, url.toString());
        if (lang == null && !doc.select("html[lang]").isEmpty()) {
          lang = doc.selectFirst("html[lang]").attr("lang");
        }
        text = textOf(doc);
      } else {
        text = new String(body, cs);
      }
      return new SourceRecord(id, SourceKind.WEB, origin, text, lang, null,
          new WebPage(url, http.status(), headers, html, resp.date()), null, null);
    } catch (IOException | RuntimeException e) {
      return SourceRecord.unreadable(id, SourceKind.WEB, origin, "bad HTTP response in WARC record (" + e.getClass().getSimpleName() + ")");
    }
  }

  private SourceRecord conversion(WarcConversion conv, String origin) {
    URI url = WebJsonlSource.uri(conv.target());
    if (url == null) {
      return badTarget(origin);
    }
    String id = pseudonyms.documentId(SourceKind.WEB, url.toString());
    try (InputStream in = conv.body().stream()) {
      String text = new String(in.readNBytes(MAX_BODY), charset(conv.contentType()));
      return new SourceRecord(id, SourceKind.WEB, origin, text, null, null,
          new WebPage(url, 0, Map.of(), null, conv.date()), null, null);
    } catch (IOException | RuntimeException e) {
      return SourceRecord.unreadable(id, SourceKind.WEB, origin, "bad WARC conversion record (" + e.getClass().getSimpleName() + ")");
    }
  }

  private static Charset charset(MediaType type) {
    String cs = type == null ? null : type.parameters().get("charset");
    try {
      return cs == null ? StandardCharsets.UTF_8 : Charset.forName(cs);
    } catch (RuntimeException e) {
      return StandardCharsets.UTF_8;
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
