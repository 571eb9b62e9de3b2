package dev.lethe.platform.controls;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/** Makes identifiers such as {@code conv_3f2a...}: random in service, deterministic in tests. */
@FunctionalInterface
public interface Ids {
  /** A new identifier beginning with {@code prefix + "_"}. */
  String next(String prefix);

  /** Random UUIDs without dashes: unguessable and unique across processes. */
  static Ids random() {
    return prefix -> prefix + "_" + UUID.randomUUID().toString().replace("-", "");
  }

  /**
   * {@code prefix_1}, {@code prefix_2}, ... numbered from {@code start}: deterministic, for tests
   * and reproducible demos. Unique only within one store written by one instance.
   */
  static Ids sequential(long start) {
    AtomicLong counter = new AtomicLong(start);
    return prefix -> prefix + "_" + counter.getAndIncrement();
  }
}
