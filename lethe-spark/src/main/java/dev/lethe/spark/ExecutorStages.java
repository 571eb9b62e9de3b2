package dev.lethe.spark;

import dev.lethe.pipeline.run.SnapshotBuilder;
import dev.lethe.pipeline.stage.Stages;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.spark.SparkEnv;

/**
 * The stages of a build, made once per executor JVM: the Privacy Filter (its tagger model loaded lazily, the
 * first time a task of the build needs it) and the eligibility policy with the crawl's site files. Keyed by the
 * broadcast of the build's {@link SparkBuild.Plan}, so concurrent tasks of one executor share one instance, which
 * is immutable and thread-safe. Executors live as long as the Spark application (one lethe command), so the map
 * holds an entry per build that application ran: one.
 */
final class ExecutorStages {
  private static final Map<Long, Stages> BUILT = new ConcurrentHashMap<>();
  /** The Spark environment the entries belong to: broadcast ids start again with every SparkContext of a JVM. */
  private static volatile SparkEnv owner;

  private ExecutorStages() {}

  static Stages of(long broadcastId, SparkBuild.Plan plan) {
    SparkEnv env = SparkEnv.get();
    if (env != owner) {
      synchronized (ExecutorStages.class) {
        if (env != owner) {
          BUILT.clear();  // another context's stages, built for another plan under the same ids
          owner = env;
        }
      }
    }
    return BUILT.computeIfAbsent(broadcastId, id -> SnapshotBuilder.stages(plan.config(),
        plan.crawlDirs().stream().map(Path::of).toList(), plan.suppressed()));
  }
}
