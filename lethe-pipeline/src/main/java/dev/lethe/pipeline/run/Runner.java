package dev.lethe.pipeline.run;

import java.io.IOException;
import java.util.ServiceLoader;

/**
 * Where a build, forget or verify runs: this machine ({@link #local}) or a distributed engine found on the class
 * path by {@link ServiceLoader} (the {@code lethe-spark} job jar provides {@code spark}), so the command line stays
 * free of the engine's libraries. Forget and verify take their per-shard work from {@link #shards()}.
 */
public interface Runner extends AutoCloseable {
  /** Builds a snapshot from scratch (see {@link SnapshotBuilder#build}). */
  SnapshotBuilder.Result build(BuildRequest req) throws IOException;

  /** Runs the per-shard tasks of forget and verify. */
  ShardTasks shards();

  @Override
  void close();

  /** Makes runners of one kind; registered as a service ({@code META-INF/services/dev.lethe.pipeline.run.Runner$Factory}). */
  interface Factory {
    /** The {@code --runner} name: {@code spark}. */
    String name();

    /** A runner on {@code master} (a Spark master URL; null: what the launcher, such as spark-submit, configured). */
    Runner open(String master);
  }

  /** This machine: the local runner and a thread pool. */
  static Runner local(int threads) {
    return new Runner() {
      @Override
      public SnapshotBuilder.Result build(BuildRequest req) throws IOException {
        return SnapshotBuilder.build(req);
      }

      @Override
      public ShardTasks shards() {
        return ShardTasks.threads(threads);
      }

      @Override
      public void close() {}
    };
  }

  /** The factory of runner {@code name} on the class path, or null when none is there. */
  static Factory find(String name) {
    for (Factory f : ServiceLoader.load(Factory.class)) {
      if (f.name().equals(name)) {
        return f;
      }
    }
    return null;
  }
}
