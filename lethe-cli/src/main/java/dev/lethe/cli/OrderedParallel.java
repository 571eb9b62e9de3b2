package dev.lethe.cli;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Maps items on a thread pool and hands results to a consumer in input order. At most {@code window}
 * items are in flight, so memory stays bounded however long the input is (back-pressure on the reader).
 */
final class OrderedParallel<I, O> implements AutoCloseable {
  private final ExecutorService pool;
  private final Function<I, O> fn;
  private final Consumer<O> sink;
  private final Deque<Future<O>> inFlight = new ArrayDeque<>();
  private final int window;

  OrderedParallel(int threads, Function<I, O> fn, Consumer<O> sink) {
    this.pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "lethe-worker");
      t.setDaemon(true);
      return t;
    });
    this.fn = fn;
    this.sink = sink;
    this.window = threads * 8;
  }

  void submit(I item) {
    if (inFlight.size() >= window) {
      drainOne();
    }
    inFlight.add(pool.submit(() -> fn.apply(item)));
  }

  /** Waits for every submitted item and delivers the rest of the results. */
  void finish() {
    while (!inFlight.isEmpty()) {
      drainOne();
    }
  }

  private void drainOne() {
    try {
      sink.accept(inFlight.removeFirst().get());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable c = e.getCause();
      throw c instanceof RuntimeException r ? r : new IllegalStateException(c);
    }
  }

  @Override
  public void close() {
    pool.shutdownNow();
  }
}
