package dev.lethe.train.synth;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;

/**
 * Not a check: the offline way to run {@link SampleWriter} through Maven (the exec plugin is not in the local
 * repository). Skipped unless {@code synth.sample} names the output file:
 *
 * <pre>mvn -B -o -pl lethe-train test -Dtest=SampleExportTest -Dsynth.sample=/tmp/synth.jsonl \
 *     -Dsynth.count=200 -Dsynth.seed=1</pre>
 */
class SampleExportTest {
  @Test
  void writeSample() throws Exception {
    String out = System.getProperty("synth.sample");
    assumeTrue(out != null && !out.isBlank(), "set -Dsynth.sample=FILE to write a sample");
    SampleWriter.main(new String[] {out, System.getProperty("synth.count", "200"),
        System.getProperty("synth.seed", "1")});
  }
}
