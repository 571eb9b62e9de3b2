package dev.lethe.platform.training;

import dev.lethe.platform.store.Database;

/** Opens {@link TrainingView}s on a store. Thread-safe; each view is independent. */
@FunctionalInterface
public interface TrainingSource {

  /** Opens a view of the store as it is now. The caller closes it. */
  TrainingView open();

  /** The source for a store opened with {@link Database#sqlite} or {@link Database#postgres}. */
  static TrainingSource of(Database database) {
    return () -> new JdbcTrainingView(database.openSnapshot());
  }
}
