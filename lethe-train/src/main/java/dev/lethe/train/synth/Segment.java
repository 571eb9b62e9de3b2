package dev.lethe.train.synth;

import dev.lethe.filter.Label;
/**
 * A piece of generated text and what it is: template prose, a labelled value, an ignore region (a public
 * figure named as such), or a neutral value that must stay unlabelled (a company, a city alone, a holiday).
 * Prose may get typos and case changes; values only case changes, and only for name-like labels.
 */
record Segment(String text, Kind kind, Label label, String subtype) {

  enum Kind { PROSE, VALUE, IGNORE, NEUTRAL }

  static Segment prose(String text) {
    return new Segment(text, Kind.PROSE, null, null);
  }

  static Segment value(Label label, String text) {
    return new Segment(text, Kind.VALUE, label, null);
  }

  static Segment value(Label label, String subtype, String text) {
    return new Segment(text, Kind.VALUE, label, subtype);
  }

  static Segment ignore(String text) {
    return new Segment(text, Kind.IGNORE, null, null);
  }

  static Segment neutral(String text) {
    return new Segment(text, Kind.NEUTRAL, null, null);
  }
}
