package dev.lethe.spark;

import dev.lethe.pipeline.run.BuildRequest;
import dev.lethe.pipeline.run.Runner;
import dev.lethe.pipeline.run.ShardTasks;
import dev.lethe.pipeline.run.SnapshotBuilder;
import java.io.IOException;
import java.io.Serializable;
import java.util.List;
import org.apache.spark.SparkConf;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code spark} runner: builds with {@link SparkBuild}, and runs forget's and verify's per-shard tasks as one
 * Spark task per shard. Found by {@code lethe build|forget|verify --runner spark} through {@link Factory}.
 */
public final class SparkRunner implements Runner {
  private final SparkSession spark;
  private final JavaSparkContext jsc;

  public SparkRunner(SparkSession spark) {
    this.spark = spark;
    this.jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
  }

  /** Registered in {@code META-INF/services}: the {@code spark} runner on a master URL. */
  public static final class Factory implements Runner.Factory {
    @Override
    public String name() {
      return "spark";
    }

    @Override
    public Runner open(String master) {
      return new SparkRunner(session(master, "lethe"));
    }
  }

  /**
   * A session on {@code master} ({@code local[2]}, {@code spark://host:7077}, {@code yarn}, {@code k8s://...}); with
   * {@code master} null, the one spark-submit configured. No web UI and a loopback driver for local masters.
   */
  public static SparkSession session(String master, String appName) {
    SparkConf conf = new SparkConf().setAppName(appName);
    if (master != null) {
      conf.setMaster(master);
      if (master.startsWith("local")) {
        conf.set("spark.ui.enabled", "false").set("spark.driver.host", "127.0.0.1").set("spark.driver.bindAddress", "127.0.0.1");
      }
    }
    SparkSession s = SparkSession.builder().config(conf).getOrCreate();
    s.sparkContext().setLogLevel("WARN");
    return s;
  }

  @Override
  public SnapshotBuilder.Result build(BuildRequest req) throws IOException {
    return SparkBuild.build(jsc, req);
  }

  @Override
  public ShardTasks shards() {
    return new ShardTasks() {
      @Override
      public <R extends Serializable> List<R> run(List<? extends Task<R>> tasks) {
        if (tasks.isEmpty()) {
          return List.of();
        }
        List<Task<R>> list = List.copyOf(tasks);
        return jsc.parallelize(list, list.size()).map(Task::call).collect();
      }
    };
  }

  @Override
  public void close() {
    spark.stop();
  }
}
