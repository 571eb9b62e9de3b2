package dev.lethe.train.synth;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Word lists kept as resources under {@code synth/lists/}: {@code [section]} headers, then lines
 * {@code key = a; b; c} (a repeated key appends), {@code #} comments. Loaded once, immutable afterwards.
 */
final class Lists {
  private final Map<String, Map<String, List<String>>> sections;
  private final String resource;

  private Lists(String resource, Map<String, Map<String, List<String>>> sections) {
    this.resource = resource;
    this.sections = sections;
  }

  static Lists load(String name) {
    String resource = "synth/lists/" + name;
    Map<String, Map<String, List<String>>> sections = new LinkedHashMap<>();
    try (InputStream in = Lists.class.getClassLoader().getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + resource);
      }
      BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, List<String>> current = null;
      String line;
      int n = 0;
      while ((line = r.readLine()) != null) {
        n++;
        String t = line.strip();
        if (t.isEmpty() || t.startsWith("#")) {
          continue;
        }
        if (t.startsWith("[") && t.endsWith("]")) {
          current = sections.computeIfAbsent(t.substring(1, t.length() - 1), k -> new LinkedHashMap<>());
          continue;
        }
        int eq = t.indexOf('=');
        if (current == null || eq < 0) {
          throw new IllegalStateException(resource + ":" + n + ": expected [section] or key = values");
        }
        List<String> values = current.computeIfAbsent(t.substring(0, eq).strip(), k -> new ArrayList<>());
        Arrays.stream(t.substring(eq + 1).split(";")).map(String::strip).filter(v -> !v.isEmpty())
            .forEach(values::add);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(resource, e);
    }
    sections.replaceAll((k, v) -> {
      Map<String, List<String>> copy = new LinkedHashMap<>();
      v.forEach((key, values) -> copy.put(key, List.copyOf(values)));
      return Map.copyOf(copy);
    });
    return new Lists(resource, Map.copyOf(sections));
  }

  /** The values of {@code key} in {@code section}; fails naming both when absent. */
  List<String> get(String section, String key) {
    List<String> v = sections.getOrDefault(section, Map.of()).get(key);
    if (v == null || v.isEmpty()) {
      throw new IllegalStateException(resource + ": no '" + key + "' in [" + section + "]");
    }
    return v;
  }

  List<String> getOrEmpty(String section, String key) {
    return sections.getOrDefault(section, Map.of()).getOrDefault(key, List.of());
  }
}
