package dev.lethe.filter.tagger;

import dev.lethe.filter.Label;

/**
 * The tag set of the tagger: O, and B, I, E, S (begin, inside, end, single) for each tagged label. Only
 * legal BIOES sequences are ever decoded: I and E follow B or I of the same label; B and S follow O, E or
 * S; a sequence ends in O, E or S.
 */
public final class Tags {
  /** The labels the tagger finds; the structured detectors find the others. */
  public static final Label[] LABELS = {Label.PRIVATE_PERSON, Label.PRIVATE_ADDRESS, Label.PRIVATE_DATE};
  public static final int O = 0;
  /** The parts of a label's tags: begin, inside, end, single. */
  public static final int B = 0;
  public static final int I = 1;
  public static final int E = 2;
  public static final int S = 3;
  public static final int PARTS = 4;
  public static final int COUNT = 1 + PARTS * LABELS.length;

  private Tags() {}

  public static int tag(int label, int part) {
    return 1 + label * PARTS + part;
  }

  /** The label index of a tag, or -1 for O. */
  public static int labelOf(int tag) {
    return tag == O ? -1 : (tag - 1) / PARTS;
  }

  public static int partOf(int tag) {
    return tag == O ? -1 : (tag - 1) % PARTS;
  }

  public static int labelIndex(Label label) {
    for (int i = 0; i < LABELS.length; i++) {
      if (LABELS[i] == label) {
        return i;
      }
    }
    return -1;
  }

  /** Whether tag {@code to} may follow tag {@code from}. */
  public static boolean legal(int from, int to) {
    int fp = partOf(from);
    int tp = partOf(to);
    boolean fromClosed = from == O || fp == E || fp == S;
    if (to == O || tp == B || tp == S) {
      return fromClosed;
    }
    return !fromClosed && labelOf(from) == labelOf(to);
  }

  public static boolean legalStart(int tag) {
    return tag == O || partOf(tag) == B || partOf(tag) == S;
  }

  public static boolean legalEnd(int tag) {
    return tag == O || partOf(tag) == E || partOf(tag) == S;
  }
}
