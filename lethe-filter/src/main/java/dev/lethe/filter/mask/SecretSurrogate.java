package dev.lethe.filter.mask;

import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fake secrets of the same shape. The prefix that names the kind of a token is kept ({@code ghp_}, {@code
 * sk-proj-}, {@code AKIA}, {@code xoxb-}, the {@code eyJ} of each JWT part), as are the armour lines of a PEM
 * block, so a reader still sees what kind of credential stood there; it identifies no one and grants nothing.
 * The rest is random: hex stays hex in its case; otherwise letters become letters in the same case, digits
 * digits, the separators {@code - _ . : / + =} and white space stay, and other symbols (as in passwords)
 * become random symbols.
 */
final class SecretSurrogate implements Surrogate {
  private static final Pattern PREFIX = Pattern.compile("^(?:sk-proj-|sk-ant-api\\d\\d-|sk-ant-|sk_live_|sk_test_"
      + "|pk_live_|pk_test_|rk_live_|rk_test_|sk-|ghp_|gho_|ghu_|ghs_|ghr_|github_pat_|glpat-|xox[abposr]-"
      + "|AKIA|ASIA|AIza|ya29\\.|hf_|npm_|pypi-|SG\\.|shpat_|shpss_|dop_v1_|sq0atp-|sq0csp-|whsec_|EAA)");
  private static final Pattern ARMOUR = Pattern.compile("-----(?:BEGIN|END) [A-Z0-9 ]+-----");
  private static final Pattern JWT_PART = Pattern.compile("(?<=^|\\.)eyJ");
  private static final Pattern HEX = Pattern.compile("[0-9a-f]{8,}|[0-9A-F]{8,}");
  private static final String KEPT = "-_.:/+= \t\r\n";
  private static final String SYMBOLS = "!#$%&*@^~?";

  @Override
  public String fake(String original, String subtype, Random random) {
    char[] out = original.toCharArray();
    boolean[] keep = new boolean[out.length];
    Matcher prefix = PREFIX.matcher(original);
    int bodyStart = prefix.find() ? prefix.end() : 0;
    mark(keep, 0, bodyStart);
    for (Matcher m = ARMOUR.matcher(original); m.find(); ) {
      mark(keep, m.start(), m.end());
    }
    for (Matcher m = JWT_PART.matcher(original); m.find(); ) {
      mark(keep, m.start(), m.end());
    }
    String body = original.substring(bodyStart);
    boolean hex = HEX.matcher(body).matches();
    boolean upperHex = hex && body.chars().anyMatch(c -> c >= 'A' && c <= 'F');
    for (int i = 0; i < out.length; i++) {
      char c = out[i];
      if (keep[i] || KEPT.indexOf(c) >= 0) {
        continue;
      }
      if (hex) {
        out[i] = Shape.hex(random, upperHex);
      } else if (Character.isLetterOrDigit(c)) {
        out[i] = Shape.replace(c, random);
      } else if (!Character.isSurrogate(c) && !Character.isISOControl(c)) {
        out[i] = SYMBOLS.charAt(random.nextInt(SYMBOLS.length()));
      }
    }
    return new String(out);
  }

  private static void mark(boolean[] keep, int from, int to) {
    for (int i = from; i < to; i++) {
      keep[i] = true;
    }
  }
}
