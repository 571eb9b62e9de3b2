package dev.lethe.train.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The template files under {@code synth/templates/}, named {@code GENRE.LANG.txt} and listed in
 * {@code index.txt}. Templates are separated by lines {@code ---}; {@code %%} lines are comments; an optional
 * first line {@code @ key=value ...} sets the country ({@code country=US,GB}), the style ({@code style=chat}) or
 * extra features ({@code tags=neg:nameword}).
 */
final class Templates {
  /** Templates by genre, then by language. */
  private final Map<String, Map<String, List<Template>>> byGenre;

  private Templates(Map<String, Map<String, List<Template>>> byGenre) {
    this.byGenre = byGenre;
  }

  static Templates load() {
    Map<String, Map<String, List<Template>>> byGenre = new LinkedHashMap<>();
    for (String file : read("synth/templates/index.txt").lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("%%")).toList()) {
      String[] parts = file.split("\\.");
      if (parts.length != 3) {
        throw new IllegalStateException("template file name must be GENRE.LANG.txt: " + file);
      }
      List<Template> list = parse(file, read("synth/templates/" + file));
      byGenre.computeIfAbsent(parts[0], k -> new LinkedHashMap<>())
          .computeIfAbsent(parts[1], k -> new ArrayList<>()).addAll(list);
    }
    Map<String, Map<String, List<Template>>> frozen = new LinkedHashMap<>();
    byGenre.forEach((g, m) -> frozen.put(g, m.entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey,
        e -> List.copyOf(e.getValue()), (a, b) -> a, LinkedHashMap::new))));
    return new Templates(frozen);
  }

  static List<Template> parse(String file, String source) {
    List<Template> out = new ArrayList<>();
    List<String> lines = new ArrayList<>();
    int n = 0;
    int start = 1;
    for (String line : source.split("\n", -1)) {
      n++;
      if (line.strip().equals("---")) {
        add(file, start, lines, out);
        lines.clear();
        start = n + 1;
      } else if (!line.startsWith("%%")) {
        lines.add(line);
      }
    }
    add(file, start, lines, out);
    return out;
  }

  private static void add(String file, int line, List<String> lines, List<Template> out) {
    String text = String.join("\n", lines).strip();
    if (text.isEmpty()) {
      return;
    }
    Map<String, String> header = new HashMap<>();
    if (text.startsWith("@ ")) {
      int nl = text.indexOf('\n');
      for (String kv : text.substring(2, nl < 0 ? text.length() : nl).strip().split("\\s+")) {
        int eq = kv.indexOf('=');
        if (eq < 0) {
          throw new IllegalArgumentException(file + ":" + line + ": header entries are key=value: " + kv);
        }
        header.put(kv.substring(0, eq), kv.substring(eq + 1));
      }
      text = nl < 0 ? "" : text.substring(nl + 1).strip();
    }
    out.add(Template.parse(file + ":" + line, header, text));
  }

  private static String read(String resource) {
    try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      return r.lines().collect(Collectors.joining("\n"));
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
  }

  Map<String, List<Template>> genre(String genre) {
    return byGenre.getOrDefault(genre, Map.of());
  }

  /** Every template, for validation. */
  List<Template> all() {
    return byGenre.values().stream().flatMap(m -> m.values().stream()).flatMap(List::stream).toList();
  }
}
