package dev.lethe.spark;

import dev.lethe.pipeline.SourceRecord;
import dev.lethe.pipeline.source.RecordSource;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import org.apache.spark.TaskContext;

/**
 * The records of one input file, pulled by a Spark task: the pipeline's reader pushes records from a thread of its
 * own into a small bounded queue, so a file of any size streams through in constant memory. Each record carries its
 * input position; the last element carries the file's digest. A reader failure fails the task.
 */
final class FileRows implements Iterator<SparkBuild.Raw> {
  private static final Object END = new Object();

  private record Failure(Throwable cause) {}

  private final int source;
  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(256);
  private final Thread reader;
  private long index;
  private Object next;

  FileRows(int source, RecordSource input) {
    this.source = source;
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
  public SparkBuild.Raw next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Object o = next;
    next = null;
    if (o instanceof SparkBuild.Digest d) {
      return new SparkBuild.Raw(SparkBuild.order(source, index), null, d);
    }
    return new SparkBuild.Raw(SparkBuild.order(source, index++), (SourceRecord) o, null);
  }
}
