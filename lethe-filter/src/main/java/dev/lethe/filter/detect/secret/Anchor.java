package dev.lethe.filter.detect.secret;

/** What the detector does where one of its keywords occurs: validate around it and report what it finds. */
@FunctionalInterface
interface Anchor {
  /** Called for an occurrence of the keyword at {@code text[start, end)}. */
  void at(Scan scan, int start, int end);
}
