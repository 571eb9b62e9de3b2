package dev.lethe.pipeline.run;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lethe.pipeline.Fixtures;
import java.nio.file.Path;
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
    assumeTrue(!c.needsNonRoot() || BadInputs.permissionsEnforced(), "running as root: file permissions are not enforced");
    BadInputs.write(c, tmp);
    Path out = tmp.resolve("snap");
    Fixtures.build(c.config().apply(dev.lethe.pipeline.PipelineConfig.defaults()), null, tmp.resolve("web"),
        tmp.resolve("partner"), out, 2);
    BadInputs.check(c, out);
  }
}
