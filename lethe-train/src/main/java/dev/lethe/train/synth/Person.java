package dev.lethe.train.synth;

import java.text.Normalizer;
import java.util.Locale;

/**
 * A generated private individual. {@code familyFirst} and {@code joiner} say how the full name is written
 * (Japanese, Chinese, Korean, Hungarian order; no space in CJK script).
 *
 * @param gender {@code 'm'}, {@code 'f'} or {@code '?'} when the source list does not say
 */
record Person(String given, String middle, String family, String nickname, char gender, String origin,
    boolean familyFirst, String joiner, boolean latin) {

  /**
   * The whole name in its written order. A Vietnamese middle name stands before the given name in either order
   * (Nguyễn Văn Nam, Văn Nam Nguyễn); a Russian patronymic after it (Иванов Иван Иванович).
   */
  String full() {
    String g = middle == null ? given : origin.equals("vi") ? middle + joiner + given : given + joiner + middle;
    return familyFirst ? family + joiner + g : g + joiner + family;
  }

  /** First name, or the given name of a family-first name. */
  String first() {
    return given;
  }

  String last() {
    return family;
  }

  /** {@code J. Smith}; a name outside Latin script has no initials and stays whole. */
  String initialed(boolean dot) {
    if (!latin) {
      return full();
    }
    StringBuilder sb = new StringBuilder();
    for (String part : given.split("-")) {
      if (sb.length() > 0) {
        sb.append('-');
      }
      sb.appendCodePoint(part.codePointAt(0));
      if (dot) {
        sb.append('.');
      }
    }
    return sb + " " + family;
  }

  /** {@code Smith, John} as in lists and forms. */
  String familyComma() {
    return latin ? family + ", " + (middle == null ? given : given + " " + middle) : full();
  }

  /** {@code SMITH/JOHN} as on airline bookings. */
  String airline() {
    return (ascii(family) + "/" + ascii(middle == null ? given : given + " " + middle)).toUpperCase(Locale.ROOT);
  }

  /** Given name, nickname in quotes, family name: one span. */
  String withNickname() {
    return nickname == null || !latin ? full() : given + " \"" + nickname + "\" " + family;
  }

  boolean hasAsciiForm() {
    return latin;
  }

  /**
   * Latin letters without diacritics, for e-mail addresses and handles. Written by hand because the JDK has no
   * transliterator and ICU is not a dependency of this module; it only folds Latin script.
   */
  static String ascii(String s) {
    String folded = Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
    StringBuilder sb = new StringBuilder(folded.length());
    for (int i = 0; i < folded.length(); i++) {
      char c = folded.charAt(i);
      switch (c) {
        case 'ß' -> sb.append("ss");
        case 'ø', 'Ø' -> sb.append(c == 'ø' ? 'o' : 'O');
        case 'æ' -> sb.append("ae");
        case 'Æ' -> sb.append("Ae");
        case 'ł' -> sb.append('l');
        case 'Ł' -> sb.append('L');
        case 'đ' -> sb.append('d');
        case 'Đ' -> sb.append('D');
        case 'ı' -> sb.append('i');
        case 'œ' -> sb.append("oe");
        default -> sb.append(c);
      }
    }
    return sb.toString();
  }
}
