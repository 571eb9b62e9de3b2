package dev.lethe.pipeline.run;

import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.source.RecordSource;
import dev.lethe.pipeline.stage.Stages;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.UnaryOperator;

/**
 * Runs a build on this machine: one thread reads the sources in order, {@code threads} workers apply the
 * per-record {@link Stages}, and the calling thread hands the outcomes to the sink in input order. A
 * bounded queue of pending results gives back-pressure (the reader waits when the sink falls behind), so
 * memory stays bounded whatever the input size, and the output does not depend on the number of threads or
 * on scheduling.
 */
public final class LocalRunner {
  /** Receives outcomes in input order, on the calling thread. */
  public interface Sink {
    void accept(Stages.Outcome outcome, SourceRecord input) throws IOException;
  }

  private static final Future<Stages.Outcome> END = CompletableFuture.completedFuture(null);

  private LocalRunner() {}

  /**
   * Reads {@code sources} in order; {@code plant} may rewrite each record before processing (canaries).
   *
   * @return the digests of the inputs, in order
   */
  public static List<RecordSource.InputDigest> run(List<RecordSource> sources, UnaryOperator<SourceRecord> plant,
      Stages stages, int threads, Sink sink) throws IOException {
    int workers = Math.max(1, threads);
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "lethe-stage");
      t.setDaemon(true);
      return t;
    });
    BlockingQueue<Future<Stages.Outcome>> pending = new ArrayBlockingQueue<>(workers * 32);
    BlockingQueue<SourceRecord> inputs = new ArrayBlockingQueue<>(workers * 32 + 1);
    List<RecordSource.InputDigest> digests = new ArrayList<>();
    Throwable[] readFailure = new Throwable[1];
    Thread reader = new Thread(() -> {
      try {
        for (RecordSource s : sources) {
          digests.add(s.read(r -> {
            SourceRecord rec = plant.apply(r);
            try {
              inputs.put(rec);
              pending.put(pool.submit(() -> stages.apply(rec)));
            } catch (InterruptedException e) {
              Thread.currentThread().interrupt();
              throw new IllegalStateException("build interrupted", e);
            }
          }));
        }
      } catch (Throwable t) {
        readFailure[0] = t;
      } finally {
        try {
          pending.put(END);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }, "lethe-reader");
    reader.setDaemon(true);
    reader.start();
    try {
      while (true) {
        Future<Stages.Outcome> f = pending.take();
        if (f == END) {
          break;
        }
        SourceRecord input = inputs.take();
        sink.accept(f.get(), input);
      }
      reader.join();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("build interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      if (c instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException("a stage failed: " + c, c);
    } finally {
      reader.interrupt();  // a no-op when it finished; unblocks it when the sink failed
      pool.shutdownNow();
    }
    if (readFailure[0] != null) {
      Throwable t = readFailure[0];
      if (t instanceof UncheckedIOException u) {
        throw u.getCause();
      }
      if (t instanceof IOException io) {
        throw io;
      }
      if (t instanceof RuntimeException re) {
        throw re;
      }
      throw new IllegalStateException(t);
    }
    return digests;
  }
}
