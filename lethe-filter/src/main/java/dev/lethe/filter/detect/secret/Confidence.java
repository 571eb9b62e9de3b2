package dev.lethe.filter.detect.secret;

/**
 * The scores of the secret detector, in one place so that rules stay comparable. The filter keeps spans with
 * score &ge; 0.25 (recall), 0.5 (balanced) or 0.8 (precision).
 */
final class Confidence {
  private Confidence() {}

  /** A provider format whose checksum verifies (GitHub, npm, age). */
  static final double CHECKSUM = 0.99;
  /** A PEM or PuTTY private key block, begin to end. */
  static final double KEY_BLOCK = 0.99;
  /** A distinctive provider prefix with the exact body shape. */
  static final double PROVIDER = 0.95;
  /** A provider format that is a little less distinctive (shorter prefix, looser body, failed checksum). */
  static final double PROVIDER_LOOSE = 0.9;
  /** A credential-looking value assigned to a clearly secret key (password, api_key, client_secret, ...). */
  static final double SECRET_KEY_VALUE = 0.9;
  /** A plain word or number assigned to a clearly secret key ({@code password: admin}). */
  static final double SECRET_KEY_WORD = 0.8;
  /** A credential-looking value after a secret key word in a sentence ("my password is hunter2"). */
  static final double PROSE_VALUE = 0.85;
  /** The same with words between the key word and the value ("password for the router is ..."). */
  static final double PROSE_GAP_VALUE = 0.8;
  /** A credential-looking word right after a key word, with nothing between ("password toor123"). */
  static final double ADJACENT_VALUE = 0.7;
  /** A PIN or door code: digits after "PIN", "passcode", "door code". */
  static final double PIN = 0.8;
  /** A high-entropy value beside a weaker key (key, session, sig, dsn). */
  static final double WEAK_KEY_VALUE = 0.6;
  /** Plausible but doubtful: reported at the recall operating point only. */
  static final double RECALL_ONLY = 0.3;
  /** Below this nothing is reported: the recall threshold. */
  static final double MIN_REPORTED = 0.25;
}
