package dev.lethe.train.synth;

import dev.lethe.filter.io.LabeledText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * A deterministic synthetic corpus for training the tagger: chat messages to an assistant, letters and e-mails,
 * signatures, forms, CSV, JSON, logs, social posts, address blocks, third-person prose and hard negatives, in
 * several languages, with exact spans for all eight labels and ignore regions for public figures.
 *
 * <p>Document {@code i} of seed {@code s} depends only on {@code (s, i)}: the generator reseeds its one random
 * source before each document, so {@code generate(s, 100)} is a prefix of {@code generate(s, 1000)}. An
 * instance is single-threaded; the static methods each build their own and may be called from any thread.
 *
 * <p>Labelling decisions the data leaves open are documented in {@code synth/README.md}.
 */
public final class SyntheticCorpus {
  /** The {@code source} of every generated document. */
  public static final String SOURCE = "synth";

  /** Genre weights: what share of the corpus each genre gets. */
  private static final Map<String, Double> GENRES = genreWeights();

  private static Map<String, Double> genreWeights() {
    Map<String, Double> w = new LinkedHashMap<>();
    w.put("chat", 0.26);
    w.put("letter", 0.10);
    w.put("form", 0.09);
    w.put("signature", 0.04);
    w.put("social", 0.08);
    w.put("address", 0.05);
    w.put("prose", 0.05);
    w.put("code", 0.04);
    w.put("negative", 0.13);
    w.put("csv", 0.05);
    w.put("json", 0.05);
    w.put("log", 0.04);
    w.put("dates", 0.06);
    return w;
  }

  /** Structured genres, built in code rather than from templates. */
  private static final Set<String> STRUCTURED = Set.of("csv", "json", "log");

  private static final Templates TEMPLATES = Templates.load();

  private final Random random = new Random();
  private final Rng rng = new Rng(random);
  private final Scene.Generators generators;
  private final Structured structured = new Structured(rng);
  private final long seed;

  SyntheticCorpus(long seed) {
    this.seed = seed;
    Fakers fakers = new Fakers(random);
    this.generators = new Scene.Generators(new Names(rng, fakers), new Addresses(rng), new Dates(rng),
        new Contacts(rng), new Accounts(rng), new Secrets(rng));
  }

  /** {@code count} labelled documents of {@code seed}. */
  public static List<LabeledText> generate(long seed, int count) {
    return documents(seed, count).stream().map(SyntheticDoc::doc).toList();
  }

  /** {@code count} documents of {@code seed} with their genre, language and features. */
  public static List<SyntheticDoc> documents(long seed, int count) {
    if (count < 0) {
      throw new IllegalArgumentException("count must be >= 0, was " + count);
    }
    SyntheticCorpus c = new SyntheticCorpus(seed);
    List<SyntheticDoc> out = new ArrayList<>(count);
    for (int i = 0; i < count; i++) {
      out.add(c.document(i));
    }
    return out;
  }

  /** An endless sequential stream of the documents of {@code seed}. */
  public static Stream<SyntheticDoc> stream(long seed) {
    SyntheticCorpus c = new SyntheticCorpus(seed);
    return IntStream.iterate(0, i -> i + 1).mapToObj(c::document);
  }

  /** The genres the corpus draws from. */
  public static List<String> genres() {
    return List.copyOf(GENRES.keySet());
  }

  /** Document {@code index}: reseeds, picks a genre, a language and a template, and renders it. */
  SyntheticDoc document(int index) {
    random.setSeed(mix(seed, index));
    String genre = pickGenre();
    Set<String> features = new TreeSet<>();
    DocBuilder b = new DocBuilder(rng);
    String lang;
    String templateName;
    if (STRUCTURED.contains(genre)) {
      lang = rng.chance(0.8) ? "en" : rng.oneOf("de", "fr", "es");
      Scene scene = new Scene(lang, country(lang, null), rng, generators, features);
      switch (genre) {
        case "csv" -> structured.csv(scene, b);
        case "json" -> structured.json(scene, b);
        default -> structured.log(scene, b);
      }
      templateName = genre;
    } else {
      Map<String, List<Template>> byLang = TEMPLATES.genre(genre);
      lang = pickLanguage(byLang);
      Template t = rng.pick(byLang.get(lang));
      templateName = t.name();
      Scene scene = new Scene(lang, country(lang, t.header().get("country")), rng, generators, features);
      String style = t.header().getOrDefault("style", genre.equals("chat") || genre.equals("social") ? "chat" : "plain");
      b.style(style.equals("chat") ? Style.chat(rng) : Style.PLAIN);
      render(t.body(), scene, b);
      String tags = t.header().get("tags");
      if (tags != null) {
        features.addAll(List.of(tags.split(",")));
      }
    }
    if (b.style().caseMode() != Style.Case.NORMAL) {
      features.add("style:" + b.style().caseMode().name().toLowerCase(java.util.Locale.ROOT));
    }
    features.add("lang:" + lang);
    LabeledText doc = b.build(SOURCE + ":" + genre + ":" + seed + ":" + index, SOURCE);
    return new SyntheticDoc(doc, genre, lang, templateName, features);
  }

  /**
   * Renders one template, in the plain style, as document {@code index} of this corpus would be: for tests that
   * check exact boundaries of a known layout.
   */
  SyntheticDoc renderTemplate(String source, String lang, String country, int index) {
    random.setSeed(mix(seed, index));
    Template t = Template.parse("test", Map.of(), source);
    Set<String> features = new TreeSet<>();
    DocBuilder b = new DocBuilder(rng);
    render(t.body(), new Scene(lang, country, rng, generators, features), b);
    return new SyntheticDoc(b.build("test:" + index, SOURCE), "test", lang, t.name(), features);
  }

  /** Every template of every genre, for validation. */
  static List<Template> templates() {
    return TEMPLATES.all();
  }

  private void render(List<Template.Node> nodes, Scene scene, DocBuilder b) {
    for (Template.Node n : nodes) {
      if (n instanceof Template.Lit l) {
        b.text(l.text());
      } else if (n instanceof Template.Slot s) {
        b.append(scene.resolve(s.name(), s.arg()));
      } else if (n instanceof Template.Alt a) {
        render(rng.pick(a.options()), scene, b);
      }
    }
  }

  private String pickGenre() {
    double[] w = GENRES.values().stream().mapToDouble(Double::doubleValue).toArray();
    return new ArrayList<>(GENRES.keySet()).get(rng.weighted(w));
  }

  /** English for about 70% of a genre's documents, the other languages sharing the rest. */
  private String pickLanguage(Map<String, List<Template>> byLang) {
    if (byLang.isEmpty()) {
      throw new IllegalStateException("a genre has no templates");
    }
    List<String> others = byLang.keySet().stream().filter(l -> !l.equals("en")).sorted().toList();
    if (!byLang.containsKey("en") || !others.isEmpty() && rng.chance(0.3)) {
      return rng.pick(others.isEmpty() ? List.of("en") : others);
    }
    return "en";
  }

  /** The country a document is set in: the template's choice, else one that speaks its language. */
  private String country(String lang, String header) {
    if (header != null) {
      return rng.pick(List.of(header.split(",")));
    }
    return switch (lang) {
      case "de" -> "DE";
      case "fr" -> "FR";
      case "es" -> "ES";
      case "it" -> "IT";
      case "pt" -> "BR";
      case "nl" -> "NL";
      default -> List.of("US", "GB", "CA", "AU", "IN", "IE", "DE", "FR", "ES", "IT", "NL", "BR")
          .get(rng.weighted(0.32, 0.2, 0.1, 0.09, 0.09, 0.04, 0.03, 0.03, 0.03, 0.02, 0.02, 0.03));
    };
  }

  /** SplitMix64 of seed and index, so neighbouring documents get unrelated random streams. */
  static long mix(long seed, long index) {
    long z = seed * 0x9E3779B97F4A7C15L + index + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}
