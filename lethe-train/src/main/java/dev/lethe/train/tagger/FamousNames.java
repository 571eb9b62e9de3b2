package dev.lethe.train.tagger;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lethe.filter.eval.DevSplit;
import dev.lethe.filter.io.Jsonl;
import dev.lethe.filter.tagger.Lexicon;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names of public figures and fictional characters, who are not private people (CONVENTIONS.md): lists of
 * real people and characters in Datafaker's English data (scientists, artists, athletes, drivers,
 * characters of books and shows) and the Wikipedia-linked person names of GUM's train split. WordNet's
 * famous people come in through {@link WordNetLists}.
 */
final class FamousNames {
  /** Datafaker keys whose lists hold people's or characters' names. */
  private static final Pattern PEOPLE_KEY = Pattern.compile(
      "(players?|drivers?|scientists?|names|characters?|authors?|actors?|actresses|mountaineers?|singers?|"
          + "members|heroes|villains|hosts?|presidents?|leaders?|artists?|composers?|directors?|"
          + "philosophers?|painters?|writers?|musicians?|coaches|managers|celebrities|quotes_by|people)");
  private static final Pattern NAME = Pattern.compile("\\p{Lu}[\\p{L}.'’-]*(?: \\p{Lu}[\\p{L}.'’-]*){1,3}");
  private static final Pattern KEY_LINE = Pattern.compile("^\\s*([a-z_]+):\\s*$");
  private static final Pattern ITEM_LINE = Pattern.compile("^\\s*- \"?([^\"#]+?)\"?\\s*$");

  private FamousNames() {}

  /** Adds every name found; returns how many. */
  static int addTo(Lexicon.Builder b, Path gum) throws IOException {
    Set<String> names = new TreeSet<>();
    datafaker(names);
    gumPublic(gum, names);
    names.forEach(b::famousPerson);
    return names.size();
  }

  private static void datafaker(Set<String> names) throws IOException {
    List<String> files;
    try (InputStream index = net.datafaker.Faker.class.getResourceAsStream("/en/")) {
      files = index == null ? List.of() : new String(index.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
    }
    if (files.isEmpty()) {
      files = listFromJar();
    }
    for (String file : files) {
      if (!file.endsWith(".yml")) {
        continue;
      }
      try (InputStream in = net.datafaker.Faker.class.getResourceAsStream("/en/" + file)) {
        if (in == null) {
          continue;
        }
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        boolean people = false;
        for (String line = r.readLine(); line != null; line = r.readLine()) {
          Matcher k = KEY_LINE.matcher(line);
          if (k.matches()) {
            people = PEOPLE_KEY.matcher(k.group(1)).matches();
            continue;
          }
          Matcher item = ITEM_LINE.matcher(line);
          if (people && item.matches() && NAME.matcher(item.group(1).strip()).matches()) {
            names.add(item.group(1).strip());
          }
        }
      }
    }
  }

  /** The English data files of the Datafaker jar on the classpath. */
  private static List<String> listFromJar() throws IOException {
    java.net.URL url = net.datafaker.Faker.class.getProtectionDomain().getCodeSource().getLocation();
    try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(new java.io.File(url.getPath()))) {
      return zip.stream().map(java.util.zip.ZipEntry::getName)
          .filter(n -> n.startsWith("en/") && n.endsWith(".yml") && n.indexOf('/', 3) < 0)
          .map(n -> n.substring(3)).toList();
    }
  }

  /** Multi-word names GUM links to Wikipedia, from documents of its train split only. */
  private static void gumPublic(Path gum, Set<String> names) throws IOException {
    if (!Files.exists(gum)) {
      return;
    }
    for (String line : Files.readAllLines(gum, StandardCharsets.UTF_8)) {
      JsonNode d = Jsonl.MAPPER.readTree(line);
      if (DevSplit.of(d.get("id").asText()) == DevSplit.HELDOUT) {
        continue;
      }
      String text = d.get("text").asText();
      dev.lethe.filter.CodePoints cp = dev.lethe.filter.CodePoints.of(text);
      for (JsonNode p : d.path("public")) {
        String name = text.substring(cp.toChar(p.get("start").asInt()), cp.toChar(p.get("end").asInt()));
        if (name.indexOf(' ') > 0 && NAME.matcher(name).matches()) {
          names.add(name);
        }
      }
    }
  }
}
