package dev.lethe.cli;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress display on stderr for long batches: items, megabytes and throughput, redrawn at
 * most twice a second. Silent when disabled (stderr not a terminal and no --progress).
 */
final class Progress {
  private final PrintStream err;
  private final boolean enabled;
  private final long started = System.nanoTime();
  private long lastDraw;
  private boolean drawn;

  Progress(PrintStream err, boolean enabled) {
    this.err = err;
    this.enabled = enabled;
  }

  void update(long items, long bytes) {
    if (!enabled) {
      return;
    }
    long now = System.nanoTime();
    if (now - lastDraw < 500_000_000L) {
      return;
    }
    lastDraw = now;
    drawn = true;
    err.print("\r" + line(items, bytes) + "   ");
    err.flush();
  }

  void done() {
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
    }
  }

  double seconds() {
    return (System.nanoTime() - started) / 1e9;
  }

  String line(long items, long bytes) {
    double s = Math.max(seconds(), 1e-9);
    return String.format(Locale.ROOT, "%,d docs  %.1f MB  %.1f MB/s  %.0f s", items, bytes / 1e6, bytes / 1e6 / s, s);
  }
}
