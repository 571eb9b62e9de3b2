package dev.lethe.cli;

import dev.lethe.train.corpus.Corpora;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "corpora", mixinStandardHelpOptions = true,
    description = {"Convert the fetched public NER corpora and name lists into training files.", "",
        "Reads bare git snapshots (the search tool's fetch) and writes JSONL splits and manifest.json; see"
            + " docs/corpora.md. A missing snapshot is skipped; a corpus that fails to convert is named and the rest"
            + " is still written (exit 1)."})
final class TrainCorporaCommand implements Callable<Integer> {
  @Option(names = "--mirrors", paramLabel = "DIR",
      description = "The snapshots folder (default: -Dlethe.mirrors, $LETHE_MIRRORS or ../.mirror).")
  Path mirrors;

  @Option(names = "--out", paramLabel = "DIR",
      description = "Where to write (default: -Dlethe.corpora, $LETHE_CORPORA or ../corpora).")
  Path out;

  @Override
  public Integer call() {
    Path from = mirrors != null ? mirrors : Corpora.defaultMirrors();
    Path to = out != null ? out : Corpora.defaultOut();
    Corpora.Result r = Corpora.build(from, to);
    r.files().forEach(f -> System.out.println("wrote " + to.resolve(f)));
    r.missing().forEach(m -> System.err.println("lethe train corpora: missing snapshot (fetch it): " + m));
    r.failed().forEach(f -> System.err.println("lethe train corpora: failed: " + f));
    System.out.println("manifest: " + r.manifest());
    return r.failed().isEmpty() ? 0 : 1;
  }
}
