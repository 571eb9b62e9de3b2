package dev.lethe.insights;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Topic of a masked text from keyword clusters ({@code topics.tsv}): the cluster with most keyword hits wins,
 * ties go to the cluster listed first, and a text with no hit is {@code other}. Placeholders of masked spans
 * ({@code <PRIVATE_PERSON>}) are not words. Immutable and thread-safe.
 */
public final class Topics {
  public static final String OTHER = "other";
  private static final Pattern WORD = Pattern.compile("<[A-Z_]+(?:_\\d+)?>|[\\p{L}\\p{N}']+");

  private final List<String> names;
  private final Map<String, Integer> clusterOf;

  private Topics(List<String> names, Map<String, Integer> clusterOf) {
    this.names = List.copyOf(names);
    this.clusterOf = Map.copyOf(clusterOf);
  }

  /** The clusters bundled with this module. */
  public static Topics bundled() {
    try (InputStream in = Topics.class.getResourceAsStream("topics.tsv")) {
      return parse(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8)));
    } catch (IOException e) {
      throw new UncheckedIOException("topics.tsv: " + e.getMessage(), e);
    }
  }

  static Topics parse(BufferedReader r) throws IOException {
    List<String> names = new ArrayList<>();
    Map<String, Integer> clusterOf = new HashMap<>();
    String line;
    int n = 0;
    while ((line = r.readLine()) != null) {
      n++;
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      String[] parts = line.split("\t");
      if (parts.length != 2) {
        throw new IllegalArgumentException("topics.tsv:" + n + ": expected topic<TAB>words");
      }
      for (String w : parts[1].trim().split("\\s+")) {
        clusterOf.putIfAbsent(w, names.size());
      }
      names.add(parts[0]);
    }
    return new Topics(names, clusterOf);
  }

  /** The topic names, in priority order, without {@link #OTHER}. */
  public List<String> names() {
    return names;
  }

  public String of(String maskedText) {
    int[] hits = new int[names.size()];
    Matcher m = WORD.matcher(maskedText);
    while (m.find()) {
      if (m.group().startsWith("<")) {
        continue;
      }
      Integer c = clusterOf.get(m.group().toLowerCase(Locale.ROOT));
      if (c != null) {
        hits[c]++;
      }
    }
    int best = -1;
    for (int i = 0; i < hits.length; i++) {
      if (hits[i] > 0 && (best < 0 || hits[i] > hits[best])) {
        best = i;
      }
    }
    return best < 0 ? OTHER : names.get(best);
  }
}
