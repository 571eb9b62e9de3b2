package dev.lethe.cli;

import dev.lethe.train.tagger.TaggerTraining;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train the context tagger (names, addresses, personal dates) and write its model card.", "",
        "Builds the training set reproducibly from ../shared/data (train split of the dev files, usaddress,"
            + " census name lists) and a synthetic corpus, trains a CRF, calibrates it, chooses the operating"
            + " points, and reports quality on the held-out split of every dev file."})
final class TrainCommand implements Callable<Integer> {
  @Option(names = "--shared", paramLabel = "DIR", description = "The shared data folder (default: $LETHE_SHARED or ../shared).")
  Path shared;

  @Option(names = "--synthetic", paramLabel = "N", defaultValue = "10000", description = "Synthetic documents (default: ${DEFAULT-VALUE}).")
  int synthetic;

  @Option(names = "--seed", defaultValue = "20261129", description = "Seed of the synthetic corpus and the training order (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--epochs", defaultValue = "10", description = "Passes over the training data (default: ${DEFAULT-VALUE}).")
  int epochs;

  @Option(names = "--rate", defaultValue = "0.1", description = "AdaGrad learning rate (default: ${DEFAULT-VALUE}).")
  float rate;

  @Option(names = "--l2", defaultValue = "0.00001", description = "L2 regularisation per update (default: ${DEFAULT-VALUE}).")
  float l2;

  @Option(names = "--word-dropout", defaultValue = "0.3", description = "Probability of hiding a token's own-word features in training (default: ${DEFAULT-VALUE}).")
  float wordDropout;

  @Option(names = "--min-count", defaultValue = "2", description = "Keep features seen at least this often (default: ${DEFAULT-VALUE}).")
  int minCount;

  @Option(names = "--source-weight", split = ",", paramLabel = "SOURCE=N",
      description = "Visits per epoch of a source's documents (default: gum=3, chat-dev=2, btc=2, others 1).")
  java.util.Map<String, Integer> sourceWeights = new java.util.HashMap<>();

  @Option(names = "--out", paramLabel = "FILE", defaultValue = "lethe-filter/src/main/resources/dev/lethe/filter/tagger/model.bin",
      description = "Model file to write (default: ${DEFAULT-VALUE}).")
  Path out;

  @Option(names = "--card", paramLabel = "FILE", defaultValue = "docs/model-card.md", description = "Model card to write (default: ${DEFAULT-VALUE}).")
  Path card;

  @Override
  public Integer call() throws Exception {
    Path dir = shared != null ? shared : Path.of(System.getenv().getOrDefault("LETHE_SHARED", "../shared"));
    if (!Files.isDirectory(dir.resolve("data"))) {
      throw new IllegalArgumentException("no training data at " + dir.toAbsolutePath() + "/data; pass --shared DIR");
    }
    TaggerTraining.run(new TaggerTraining.Options(dir, synthetic, seed, epochs, rate, l2, wordDropout, minCount,
        sourceWeights, out, card),
        line -> System.err.println("lethe train: " + line));
    return 0;
  }
}
