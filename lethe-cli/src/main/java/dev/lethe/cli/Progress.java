package dev.lethe.cli;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * Progress of a long batch on stderr, in one of three ways: a bar redrawn in place at most twice a second
 * (for a terminal), a status line every N seconds (for a log file or a pipe, where a redrawn line would be
 * noise), or nothing. Shows items, megabytes and throughput and, when the total input size is known, the
 * share done and an ETA.
 */
final class Progress {
  /** How progress is shown. */
  enum Mode { BAR, LINES, OFF }

  private static final int BAR_WIDTH = 24;

  private final PrintStream err;
  private final Mode mode;
  private final long everyNanos;
  private final LongSupplier clock;
  private final long started;
  private long lastDraw;
  private boolean drawn;

  /** A bar when {@code enabled}, else nothing. */
  Progress(PrintStream err, boolean enabled) {
    this(err, enabled ? Mode.BAR : Mode.OFF, 0);
  }

  /** @param everySeconds how often {@link Mode#LINES} writes a line */
  Progress(PrintStream err, Mode mode, int everySeconds) {
    this(err, mode, everySeconds, System::nanoTime);
  }

  Progress(PrintStream err, Mode mode, int everySeconds, LongSupplier clock) {
    if (mode == Mode.LINES && everySeconds < 1) {
      throw new IllegalArgumentException("progress interval must be at least 1 second, not " + everySeconds);
    }
    this.err = err;
    this.mode = mode;
    this.everyNanos = mode == Mode.BAR ? 500_000_000L : everySeconds * 1_000_000_000L;
    this.clock = clock;
    this.started = clock.getAsLong();
    this.lastDraw = started;
  }

  /** The mode a command's {@code --[no-]progress} flag asks for: forced on, off, or by what stderr is. */
  static Mode mode(Boolean flag) {
    if (flag != null) {
      return flag ? Mode.BAR : Mode.OFF;
    }
    return System.console() != null ? Mode.BAR : Mode.LINES;
  }

  /** Items done and bytes processed, total unknown. */
  void update(long items, long bytes) {
    if (due()) {
      show(line(items, bytes));
    }
  }

  /** A build's records done, text characters processed, and input bytes read of {@code inputTotal}. */
  void update(long records, long chars, long inputRead, long inputTotal) {
    if (due()) {
      show(status(records, chars, inputRead, inputTotal));
    }
  }

  private boolean due() {
    if (mode == Mode.OFF) {
      return false;
    }
    long now = clock.getAsLong();
    if (now - lastDraw < everyNanos) {
      return false;
    }
    lastDraw = now;
    return true;
  }

  private void show(String status) {
    if (mode == Mode.BAR) {
      drawn = true;
      err.print("\r" + status + "\033[K");
    } else {
      err.println("progress: " + status);
    }
    err.flush();
  }

  /** Clears the bar (lines stay, they are a log). */
  void done() {
    if (drawn) {
      err.print("\r\033[K");
      err.flush();
    }
  }

  double seconds() {
    return (clock.getAsLong() - started) / 1e9;
  }

  String line(long items, long bytes) {
    double s = Math.max(seconds(), 1e-9);
    return String.format(Locale.ROOT, "%,d docs  %.1f MB  %.1f MB/s  %.0f s", items, bytes / 1e6, bytes / 1e6 / s, s);
  }

  /** {@code [#####-----]  42%  1,234 records  12.3/29.0 MB  1.5 MB/s  ETA 11 s}, or without share and ETA. */
  String status(long records, long chars, long inputRead, long inputTotal) {
    double s = Math.max(seconds(), 1e-9);
    if (inputTotal <= 0) {
      return String.format(Locale.ROOT, "%,d records  %.1f MB of text  %.1f MB/s  %s", records, chars / 1e6,
          chars / 1e6 / s, duration(s));
    }
    double share = Math.min(1.0, (double) inputRead / inputTotal);
    String eta = inputRead <= 0 ? "ETA ?" : "ETA " + duration(s * (inputTotal - Math.min(inputRead, inputTotal)) / inputRead);
    String bar = mode == Mode.BAR ? "[" + "#".repeat((int) (share * BAR_WIDTH))
        + "-".repeat(BAR_WIDTH - (int) (share * BAR_WIDTH)) + "] " : "";
    return String.format(Locale.ROOT, "%s%3.0f%%  %,d records  %.1f/%.1f MB  %.1f MB/s  %s", bar, share * 100, records,
        inputRead / 1e6, inputTotal / 1e6, inputRead / 1e6 / s, eta);
  }

  /** {@code 45 s}, {@code 3 min 20 s}, {@code 2 h 05 min}. */
  static String duration(double seconds) {
    long t = Math.round(seconds);
    if (t < 60) {
      return t + " s";
    }
    if (t < 3600) {
      return String.format(Locale.ROOT, "%d min %02d s", t / 60, t % 60);
    }
    return String.format(Locale.ROOT, "%d h %02d min", t / 3600, t / 60 % 60);
  }
}
