package dev.lethe.pipeline.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lethe.pipeline.Exclusion;
import dev.lethe.pipeline.Fixtures;
import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.sink.Manifest;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every case of {@link BadInputs} on the local runner: the build completes, writes the good records, and logs
 * exactly the expected exclusions with file and position; records in equal records out plus exclusions.
 */
class BadInputTest {
  @TempDir Path tmp;

  static Stream<BadInputs.Case> cases() {
    return BadInputs.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsCountedAndTheRestIsBuilt(BadInputs.Case c) throws Exception {
    assumeTrue(!c.needsNonRoot() || !"root".equals(System.getProperty("user.name")),
        "running as root: file permissions are not enforced");
    Path web = tmp.resolve("web");
    Path partner = tmp.resolve("partner");
    BadInputs.base(web, partner);
    c.setup().write(web, partner);
    PipelineConfig cfg = c.config().apply(PipelineConfig.defaults());
    Path out = tmp.resolve("snap");
    SnapshotBuilder.Result r = Fixtures.build(cfg, null, web, partner, out, 2);

    Manifest.Counts counts = r.manifest().counts();
    List<Exclusion> excluded = Fixtures.exclusions(out);
    assertThat(excluded).hasSameSizeAs(c.exclusions());
    for (int i = 0; i < excluded.size(); i++) {
      Exclusion e = excluded.get(i);
      BadInputs.Expected x = c.exclusions().get(i);
      assertThat(e.origin()).as("origin of exclusion %d", i).matches(x.origin());
      assertThat(e.reason()).as("reason of %s", e.origin()).isEqualTo(x.reason());
      assertThat(e.detail()).as("detail of %s", e.origin()).contains(x.detail());
    }
    if (c.documents() >= 0) {
      assertThat(counts.documentsOut()).isEqualTo(c.documents());
    } else {
      assertThat(counts.documentsOut()).isGreaterThanOrEqualTo(BadInputs.GOOD);
    }
    assertThat(counts.recordsIn()).isEqualTo(counts.documentsOut() + counts.excluded());
    assertThat(Fixtures.documents(out)).hasSize((int) counts.documentsOut());
  }
}
