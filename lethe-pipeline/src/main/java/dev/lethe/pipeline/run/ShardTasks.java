package dev.lethe.pipeline.run;

import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs independent per-shard tasks of forget and verify (rewrite a shard, scan a shard): on local threads, or on a
 * cluster's executors. A task is a serialisable value that carries what it needs, so a distributed runner can ship
 * it; results come back in task order.
 */
public interface ShardTasks {
  /** One shard's work. */
  @FunctionalInterface
  interface Task<R extends Serializable> extends Serializable {
    R call() throws IOException;
  }

  /** Runs every task; the results in task order. The first failure fails the whole run. */
  <R extends Serializable> List<R> run(List<? extends Task<R>> tasks) throws IOException;

  /** Tasks on {@code threads} local threads. */
  static ShardTasks threads(int threads) {
    return new ShardTasks() {
      @Override
      public <R extends Serializable> List<R> run(List<? extends Task<R>> tasks) throws IOException {
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(threads, Math.max(1, tasks.size()))));
        try {
          List<Future<R>> futures = new ArrayList<>();
          for (Task<R> t : tasks) {
            futures.add(pool.submit(t::call));
          }
          List<R> out = new ArrayList<>();
          for (Future<R> f : futures) {
            out.add(f.get());
          }
          return out;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
          if (e.getCause() instanceof IOException io) {
            throw io;
          }
          if (e.getCause() instanceof RuntimeException re) {
            throw re;
          }
          throw new IOException(e.getCause());
        } finally {
          pool.shutdownNow();
        }
      }
    };
  }
}
