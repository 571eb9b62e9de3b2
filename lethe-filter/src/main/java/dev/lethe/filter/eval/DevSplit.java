package dev.lethe.filter.eval;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.zip.CRC32;

/**
 * The fixed split of every development file by document id: a document is <b>held out</b> when the
 * CRC-32 of its id (UTF-8) is divisible by 5, about a fifth of each file. Held-out documents are never
 * trained on, and every reported quality number of the tagger comes from them. Of the rest, those whose
 * CRC-32 leaves 3 modulo 10 calibrate the tagger's confidences and choose its operating points; the others
 * train it.
 */
public enum DevSplit {
  HELDOUT,
  CALIBRATION,
  TRAIN;

  public static DevSplit of(String id) {
    long v = crc(id);
    if (v % 5 == 0) {
      return HELDOUT;
    }
    return v % 10 == 3 ? CALIBRATION : TRAIN;
  }

  /** CRC-32 of a document id's UTF-8 bytes: the stable hash every split of Lethe's data is cut by. */
  public static long crc(String id) {
    CRC32 crc = new CRC32();
    crc.update(id.getBytes(StandardCharsets.UTF_8));
    return crc.getValue();
  }

  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static DevSplit fromId(String id) {
    return valueOf(id.trim().toUpperCase(Locale.ROOT));
  }
}
