package dev.lethe.spark;

import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.source.RecordSource;
import dev.lethe.pipeline.stage.Stages;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.spark.TaskContext;

/**
 * The rows of one input file, pulled by a Spark task: the pipeline's reader pushes records from a thread of its
 * own into a small bounded queue (so a file of any size streams through in constant memory), and the task applies
 * the stages as it takes them. The last row carries the file's digest. A reader failure fails the task.
 */
final class FileRows implements Iterator<SparkBuild.Row> {
  private static final Object END = new Object();

  private record Failure(Throwable cause) {}

  private final int source;
  private final Stages stages;
  private final boolean inject;
  private final java.util.Map<Long, dev.lethe.pipeline.audit.Canaries.Planted> canaries;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(256);
  private final Thread reader;
  private long index;
  private Object next;

  /**
   * @param canaries the canaries to plant, by input position
   * @param inject   fail the first attempt after three records (tests of retries)
   */
  FileRows(int source, RecordSource input, Stages stages, java.util.Map<Long, dev.lethe.pipeline.audit.Canaries.Planted> canaries,
      boolean inject) {
    this.source = source;
    this.stages = stages;
    this.canaries = canaries;
    this.inject = inject;
    this.reader = new Thread(() -> {
      try {
        RecordSource.InputDigest d = input.read(this::put);
        put(new SparkBuild.Digest(source, d.kind(), d.name(), d.digest(), d.records(), d.bytes()));
      } catch (Throwable t) {
        put(new Failure(t));
      } finally {
        put(END);
      }
    }, "lethe-spark-reader-" + source);
    reader.setDaemon(true);
    reader.start();
    TaskContext task = TaskContext.get();
    if (task != null) {
      task.addTaskCompletionListener((org.apache.spark.util.TaskCompletionListener) t -> reader.interrupt());
    }
  }

  private void put(Object o) {
    try {
      queue.put(o);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("reader stopped: the task ended", e);
    }
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("task interrupted", e);
      }
    }
    if (next instanceof Failure f) {
      throw new IllegalStateException("cannot read input " + source + ": " + f.cause().getMessage(), f.cause());
    }
    return next != END;
  }

  @Override
  public SparkBuild.Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Object o = next;
    next = null;
    if (o instanceof SparkBuild.Digest d) {
      return new SparkBuild.Row(SparkBuild.order(source, index), null, d);
    }
    TaskContext task = TaskContext.get();
    if (inject && task != null && task.attemptNumber() == 0 && index == 3) {
      throw new IllegalStateException("injected failure: stage task killed after three records");
    }
    long order = SparkBuild.order(source, index++);
    SourceRecord r = (SourceRecord) o;
    dev.lethe.pipeline.audit.Canaries.Planted canary = canaries.get(order);
    return new SparkBuild.Row(order, stages.apply(canary == null ? r : dev.lethe.pipeline.audit.Canaries.planted(r, canary)), null);
  }
}
