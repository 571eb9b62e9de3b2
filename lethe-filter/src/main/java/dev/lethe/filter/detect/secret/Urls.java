package dev.lethe.filter.detect.secret;

import static dev.lethe.filter.detect.secret.Confidence.PROVIDER;
import static dev.lethe.filter.detect.secret.Confidence.SECRET_KEY_VALUE;
import static dev.lethe.filter.detect.secret.Confidence.SECRET_KEY_WORD;

import dev.lethe.filter.detect.Keywords.Boundary;
import java.util.Locale;
import java.util.Set;

/**
 * Credentials inside URLs and connection strings. Only the password is the span ({@code
 * postgres://app:[s3cret]@db:5432/x}); an Azure shared access signature is one span from its first
 * parameter to the end of its signature.
 */
final class Urls {
  private Urls() {}

  /** Schemes of databases, brokers and mail or file servers: their userinfo is a connection credential. */
  private static final Set<String> CONNECTION_SCHEMES = Set.of(
      "postgres", "postgresql", "mysql", "mariadb", "mongodb", "mongodb+srv", "redis", "rediss", "amqp",
      "amqps", "ftp", "ftps", "sftp", "smtp", "smtps", "imap", "imaps", "pop3", "pop3s", "ldap", "ldaps",
      "mssql", "sqlserver", "oracle", "clickhouse", "cockroachdb", "couchdb", "neo4j", "bolt", "nats",
      "kafka", "mqtt", "mqtts", "stomp", "memcached", "cassandra", "elasticsearch", "influxdb", "snowflake",
      "ssh", "telnet", "rtsp", "socks5", "socks4", "socks", "svn", "sqlalchemy", "jdbc", "odbc");

  /** Longest URL looked at; longer runs are not URLs a person wrote. */
  private static final int MAX_URL = 2048;

  static void register(AnchorSet set) {
    set.on("://", Boundary.NONE, Urls::atSchemeSeparator);
    set.on("sig=", Boundary.WORD_START, Urls::atSignature);
  }

  private static void atSchemeSeparator(Scan scan, int s, int e) {
    String t = scan.text;
    int n = t.length();
    // Most URLs have no userinfo: look for the '@' first.
    int at = scan.nextAtSign(e);
    if (at < 0 || at - e > MAX_URL) {
      return;
    }
    int colon = -1;
    for (int i = e; i < at; i++) {
      char c = t.charAt(i);
      if (endsUrl(c) || c == '/') {
        // The URL ends, or its path starts (https://medium.com/@user), before the '@'.
        return;
      }
      if (c == ':' && colon < 0) {
        colon = i;
      }
    }
    // A password may hold an unescaped '@': the userinfo ends at the last '@' before the path.
    for (int i = at + 1, limit = Math.min(n, e + MAX_URL); i < limit; i++) {
      char c = t.charAt(i);
      if (endsUrl(c) || c == '/' || c == '?') {
        break;
      }
      if (c == '@') {
        at = i;
      }
    }
    if (colon < 0 || colon + 1 >= at || Values.isPlaceholder(t, colon + 1, at)) {
      return;
    }
    int schemeStart = s;
    while (schemeStart > 0 && s - schemeStart < 24 && isSchemeChar(t.charAt(schemeStart - 1))) {
      schemeStart--;
    }
    if (schemeStart == s) {
      return;
    }
    boolean connection = CONNECTION_SCHEMES.contains(schemeOf(t, schemeStart, s));
    Values.Strength strength = Values.strength(t, colon + 1, at);
    double score = strength == Values.Strength.MIXED || strength == Values.Strength.RANDOM
        ? SECRET_KEY_VALUE : SECRET_KEY_WORD;
    scan.report(connection ? "connection_string_password" : "url_password", colon + 1, at, score);
  }

  /** The scheme in lower case, with a {@code jdbc:} prefix dropped ({@code jdbc:postgresql}). */
  private static String schemeOf(String t, int start, int end) {
    String scheme = t.substring(start, end).toLowerCase(Locale.ROOT);
    int colon = scheme.lastIndexOf(':');
    return colon >= 0 ? scheme.substring(colon + 1) : scheme;
  }

  private static boolean isSchemeChar(char c) {
    return Chars.isAsciiAlnum(c) || c == '+' || c == '.' || c == '-' || c == ':';
  }

  private static boolean endsUrl(char c) {
    return c <= ' ' || c == '"' || c == '\'' || c == '`' || c == '<' || c == '>' || c == '\\'
        || c == '\u201D' || c == '\u2019';
  }

  /**
   * An Azure shared access signature, reported whole as the data marks it: a storage SAS ({@code
   * sv=2022-11-02&ss=b&...&sig=...}, in a URL query or after {@code SharedAccessSignature=}) or a Service
   * Bus / Event Hubs token ({@code SharedAccessSignature sr=...&sig=...&se=...&skn=...}). A lone {@code
   * sig=} is left to the assignment rule.
   */
  private static void atSignature(Scan scan, int s, int e) {
    String t = scan.text;
    int n = t.length();
    if (s > 0 && t.charAt(s - 1) != '&' && t.charAt(s - 1) != '?' && t.charAt(s - 1) != ';'
        && t.charAt(s - 1) != ' ') {
      return;
    }
    int end = e;
    while (end < n && end - e < 256 && (Chars.isAsciiAlnum(t.charAt(end)) || "%+/=".indexOf(t.charAt(end)) >= 0)) {
      end++;
    }
    if (end - e < 20) {
      return;
    }
    int start = s;
    while (start > 0 && s - start < 1024 && isQueryChar(t.charAt(start - 1))) {
      start--;
    }
    if (Chars.startsWith(t, start, "SharedAccessSignature=")) {
      start += "SharedAccessSignature=".length();
    }
    // Parameters of the signature that may follow it: expiry, key name, resource.
    int tail = end;
    while (tail < n && t.charAt(tail) == '&' && isSasParameter(t, tail + 1)) {
      tail++;
      while (tail < n && isQueryChar(t.charAt(tail)) && t.charAt(tail) != '&') {
        tail++;
      }
    }
    boolean storage = hasParameter(t, start, s, "sv=")
        && (hasParameter(t, start, s, "se=") || hasParameter(t, start, s, "sp=") || hasParameter(t, start, s, "sr="));
    boolean serviceBus = hasParameter(t, start, tail, "sr=") && hasParameter(t, start, tail, "se=")
        && hasParameter(t, start, tail, "skn=");
    if (storage || serviceBus) {
      scan.report("azure_sas_token", start, tail, PROVIDER);
    }
  }

  private static boolean isSasParameter(String t, int i) {
    for (String p : new String[] {"se=", "skn=", "sr=", "sp=", "st=", "spr=", "sv=", "sip=", "si="}) {
      if (Chars.startsWith(t, i, p)) {
        return true;
      }
    }
    return false;
  }

  private static boolean isQueryChar(char c) {
    return Chars.isAsciiAlnum(c) || "%&=._:+/-".indexOf(c) >= 0;
  }

  /** Whether the query {@code t[start, end)} has the parameter {@code name=} (at its start or after {@code &}). */
  private static boolean hasParameter(String t, int start, int end, String name) {
    for (int i = Chars.indexOf(t, name, start, end); i >= 0; i = Chars.indexOf(t, name, i + 1, end)) {
      if (i == start || t.charAt(i - 1) == '&') {
        return true;
      }
    }
    return false;
  }
}
