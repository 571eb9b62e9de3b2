package dev.lethe.cli;

import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.Pseudonyms;
import dev.lethe.pipeline.audit.Canaries;
import dev.lethe.pipeline.audit.Forget;
import dev.lethe.pipeline.audit.Verifier;
import dev.lethe.pipeline.run.BuildRequest;
import dev.lethe.pipeline.run.DemoInputs;
import dev.lethe.pipeline.run.SnapshotBuilder;
import dev.lethe.pipeline.run.Summaries;
import dev.lethe.platform.controls.Actors;
import dev.lethe.platform.controls.Conversation;
import dev.lethe.platform.controls.DataControls;
import dev.lethe.platform.controls.Outbox;
import dev.lethe.platform.controls.PrivacyRequest;
import dev.lethe.platform.controls.RequestKind;
import dev.lethe.platform.demo.DemoWorkspace;
import dev.lethe.platform.store.Database;
import dev.lethe.platform.training.TrainingSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "demo", mixinStandardHelpOptions = true,
    description = {"Run Lethe's main job on bundled sample data, end to end.", "",
        "Seeds a data-controls workspace, builds a snapshot from it and from sample web pages and partner files,"
            + " verifies it (with canaries), deletes a conversation and completes a do-not-train request through the"
            + " data controls, propagates them with forget, and verifies again. The demo folder is recreated on"
            + " every run."})
final class DemoCommand implements Callable<Integer> {
  @Option(names = "--dir", paramLabel = "DIR", defaultValue = "workspace/demo",
      description = "Folder for the demo workspace, inputs and snapshots; deleted and recreated (default: ${DEFAULT-VALUE}).")
  Path dir;

  @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
  int threads = Runtime.getRuntime().availableProcessors();

  @Override
  public Integer call() throws IOException {
    PrintStream out = System.out;
    long started = System.nanoTime();
    BuildCommand.quietLibraries();
    recreate(dir);
    Pseudonyms pseudonyms = BuildCommand.pseudonyms(System.err);

    step(out, "1. Seed the data-controls workspace through the services (" + dir + ")");
    DemoWorkspace.Summary seeded = DemoWorkspace.seed(dir);
    out.printf(Locale.ROOT, "   %d users, %d conversations (%d eligible for training: the rest are temporary, deleted, of a"
        + " deleted account or started with the setting off), %d suppression strings%n",
        seeded.users().size(), seeded.conversations(), seeded.eligibleConversations(), seeded.suppressionEntries());

    Path inputs = dir.resolve("inputs");
    DemoInputs.extract(inputs);
    step(out, "2. Build snapshot s1 (store + " + inputs.resolve("web") + " + " + inputs.resolve("partner")
        + "), balanced, placeholder masking, Dolma's 5-span density limit, 1 canary per source and eligibility");
    PipelineConfig cfg = PipelineConfig.defaults().withMaxPiiSpans(5);
    Path s1 = dir.resolve("snapshots/s1");
    SnapshotBuilder.Result built;
    try (Database db = Database.sqlite(dir.resolve("lethe.db"), Clock.systemUTC())) {
      built = SnapshotBuilder.build(new BuildRequest(cfg, pseudonyms, TrainingSource.of(db), "demo lethe.db",
          List.of(inputs.resolve("web")), List.of(inputs.resolve("partner")), s1, threads, 1, null));
    }
    out.print(indent(Summaries.build(built.manifest(), built.report())));
    out.println("   redacted samples:");
    for (String s : Summaries.samples(s1, built.manifest(), 5, 150)) {
      out.println("     " + s);
    }
    List<Canaries.Planted> canaries = built.canaries();
    out.printf(Locale.ROOT, "   canaries planted: %d (%d in ineligible records, %d in PII positions of eligible ones)%n",
        canaries.size(), canaries.stream().filter(c -> !c.eligible()).count(), canaries.stream().filter(Canaries.Planted::eligible).count());
    out.println("   files: " + s1.resolve("manifest.json") + ", " + s1.resolve("report.html"));

    step(out, "3. Verify s1");
    Verifier.Report v1;
    try (Database db = Database.sqlite(dir.resolve("lethe.db"), Clock.systemUTC())) {
      v1 = Verifier.verify(s1, TrainingSource.of(db), pseudonyms);
    }
    out.print(indent(Summaries.verify(v1)));

    step(out, "4. Through the data controls: Maria deletes her conversation about a rent transfer; Priya files a"
        + " do-not-train request and confirms it with the emailed code");
    Outbox outbox = new Outbox(dir.resolve("outbox"));
    try (Database db = Database.sqlite(dir.resolve("lethe.db"), Clock.systemUTC());
        DataControls dc = DataControls.builder(db, dir).notifier(outbox).build()) {
      String maria = seeded.users().get("maria.keller@example.de");
      Conversation rent = dc.conversations().history(maria, false).stream()
          .filter(c -> "Rent transfer".equals(c.title())).findFirst().orElseThrow();
      dc.conversations().delete(Actors.user(maria), maria, rent.id());
      String priya = seeded.users().get("priya.nair@example.in");
      PrivacyRequest dnt = dc.requests().create(priya, RequestKind.DO_NOT_TRAIN, List.of());
      dc.requests().verify(priya, dnt.id(), outbox.lastCodeFor("priya.nair@example.in").orElseThrow());
      out.println("   deleted conversation " + rent.id() + "; do-not-train request " + dnt.id() + " completed");
    }

    step(out, "5. Propagate: lethe forget --parent s1 --out s2");
    Path s2 = dir.resolve("snapshots/s2");
    Verifier.Report v2;
    try (Database db = Database.sqlite(dir.resolve("lethe.db"), Clock.systemUTC())) {
      Forget.Result f = Forget.run(s1, s2, TrainingSource.of(db), pseudonyms);
      out.print(indent(Summaries.forget(f.manifest())));
      step(out, "6. Verify s2 (and s1 again: the new deletions are pending there)");
      v2 = Verifier.verify(s2, TrainingSource.of(db), pseudonyms);
      out.print(indent(Summaries.verify(v2)));
      Verifier.Report again = Verifier.verify(s1, TrainingSource.of(db), pseudonyms);
      out.printf(Locale.ROOT, "   s1 now: %s, %d pending findings (documents that forget removed in s2)%n",
          again.ok() ? "no violations" : "violations", again.pending().size());
    }
    out.printf(Locale.ROOT, "%nDemo finished in %.1f s. Try: lethe verify %s --workspace %s%n", (System.nanoTime() - started) / 1e9, s2, dir);
    return v1.ok() && v2.ok() ? 0 : 1;
  }

  private static void step(PrintStream out, String title) {
    out.println();
    out.println(title);
  }

  private static String indent(String s) {
    return s.lines().map(l -> "   " + l).reduce("", (a, b) -> a + b + "\n");
  }

  /** Deletes and recreates the demo folder, refusing anything that does not look like one. */
  static void recreate(Path dir) throws IOException {
    if (Files.exists(dir)) {
      if (!Files.exists(dir.resolve("lethe.db")) && !Files.exists(dir.resolve("inputs"))) {
        try (Stream<Path> s = Files.list(dir)) {
          if (s.findAny().isPresent()) {
            throw new IOException(dir + " exists and is not a demo folder; choose another with --dir");
          }
        }
      }
      try (Stream<Path> s = Files.walk(dir)) {
        for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
          Files.delete(p);
        }
      }
    }
    Files.createDirectories(dir);
  }
}
