package dev.lethe.train.synth;

import dev.lethe.filter.io.Jsonl;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * Writes a synthetic corpus as labelled JSONL (code-point offsets, {@link Jsonl#toJson}) for people to read or
 * for training, and prints its {@link CorpusSummary} and the time taken.
 *
 * <pre>mvn -B -o -q -pl lethe-train exec:java -Dexec.mainClass=dev.lethe.train.synth.SampleWriter \
 *     -Dexec.args="OUT.jsonl [COUNT=200] [SEED=1]"</pre>
 *
 * The file is written beside its target and moved into place, so a crash never leaves half a file.
 */
public final class SampleWriter {
  private SampleWriter() {}

  public static void main(String[] args) throws IOException {
    if (args.length < 1 || args.length > 3) {
      System.err.println("usage: SampleWriter OUT.jsonl [COUNT=200] [SEED=1]");
      System.exit(2);
    }
    Path out = Path.of(args[0]);
    int count = args.length > 1 ? Integer.parseInt(args[1]) : 200;
    long seed = args.length > 2 ? Long.parseLong(args[2]) : 1;
    long t0 = System.nanoTime();
    List<SyntheticDoc> docs = SyntheticCorpus.documents(seed, count);
    long t1 = System.nanoTime();
    write(docs, out);
    System.out.print(CorpusSummary.of(docs).report());
    System.out.printf("generated %d documents in %.2f s; wrote %s%n", count, (t1 - t0) / 1e9, out);
  }

  /** Writes the documents as JSONL, atomically. */
  public static void write(List<SyntheticDoc> docs, Path out) throws IOException {
    Path abs = out.toAbsolutePath();
    Path tmp = Files.createTempFile(abs.getParent(), abs.getFileName().toString(), ".tmp");
    try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      for (SyntheticDoc d : docs) {
        w.write(Jsonl.MAPPER.writeValueAsString(Jsonl.toJson(d.doc())));
        w.newLine();
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(tmp);
      throw e;
    }
    Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }
}
