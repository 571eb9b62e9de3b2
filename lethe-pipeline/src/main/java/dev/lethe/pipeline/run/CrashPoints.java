package dev.lethe.pipeline.run;

/**
 * Named points of a build where the crash test kills the process: with the system property
 * {@code lethe.pipeline.pauseAt=<point>} ({@code records-N}: after N records reached the sink; {@code shards-written}, {@code shards-committed}, {@code before-manifest}) a build prints {@code paused at <point>} on stderr and waits there,
 * so the test can {@code kill -9} it at exactly that point. Without the property this does nothing.
 */
final class CrashPoints {
  private static final String PAUSE_AT = System.getProperty("lethe.pipeline.pauseAt", "");

  private CrashPoints() {}

  /** Whether any pause point is set (callers skip building point names otherwise). */
  static boolean enabled() {
    return !PAUSE_AT.isEmpty();
  }

  static void reach(String point) {
    if (PAUSE_AT.equals(point)) {
      System.err.println("paused at " + point);
      System.err.flush();
      try {
        Thread.sleep(Long.MAX_VALUE);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }
}
