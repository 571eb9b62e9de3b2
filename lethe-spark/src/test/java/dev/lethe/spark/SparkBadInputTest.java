package dev.lethe.spark;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.lethe.pipeline.Fixtures;
import dev.lethe.pipeline.PipelineConfig;
import dev.lethe.pipeline.run.BadInputs;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad inputs of lethe-pipeline's {@link BadInputs}, the same list the local runner's test runs, built on
 * Spark: each completes with exactly the expected exclusions and documents.
 */
class SparkBadInputTest {
  @TempDir static Path tmp;
  static SparkSession spark;
  static JavaSparkContext jsc;

  @BeforeAll
  static void start() {
    spark = SparkRunner.session("local[2]", "lethe-spark-bad-inputs");
    jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  @AfterAll
  static void stop() {
    spark.stop();
  }

  static Stream<BadInputs.Case> cases() {
    return BadInputs.all().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void badInputIsCountedAndTheRestIsBuilt(BadInputs.Case c) throws Exception {
    assumeTrue(!c.needsNonRoot() || BadInputs.permissionsEnforced(), "running as root: file permissions are not enforced");
    Path dir = Files.createTempDirectory(tmp, "case");
    BadInputs.write(c, dir);
    Path out = dir.resolve("snap");
    SparkBuild.build(jsc, Fixtures.request(c.config().apply(PipelineConfig.defaults()), null, dir.resolve("web"),
        dir.resolve("partner"), out, 2, 0));
    BadInputs.check(c, out);
  }
}
