package dev.clew.core.config;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * What clew treats as a secret, and how it hides one, in one place: URL query parameters that carry
 * credentials ({@code token}, {@code X-Amz-Signature}, ...), the user info of URLs, header values, and
 * free text from elsewhere (a backend's error body). Used for {@code url.query} and {@code url.full} on
 * HTTP spans and wherever configuration is shown: the {@code config} command, warnings and debug lines.
 *
 * <p>Query parameter names match case-insensitively. The list is configurable with
 * {@value #QUERY_PARAMETERS_KEY}: a value starting with {@code +} adds names to the defaults, any other
 * value replaces them, {@code none} redacts no parameter (user info is always redacted).
 */
public final class Redactor {
  /** What replaces a redacted value. */
  public static final String REDACTED = "REDACTED";
  public static final String QUERY_PARAMETERS_KEY = "clew.instrumentation.http.redacted-query-parameters";

  /**
   * Query parameters redacted by default: OpenTelemetry's signed-URL keys, the AWS SigV4 ones, and the
   * usual names of passwords, tokens and API keys.
   */
  public static final List<String> DEFAULT_QUERY_PARAMETERS = Collections.unmodifiableList(Arrays.asList(
      "AWSAccessKeyId", "Signature", "sig", "X-Goog-Signature",
      "X-Amz-Signature", "X-Amz-Credential", "X-Amz-Security-Token",
      "password", "passwd", "pwd", "token", "access_token", "refresh_token",
      "api_key", "apikey", "key", "secret", "client_secret"));

  /** The default list; for code that has no configuration at hand. */
  public static final Redactor DEFAULT = new Redactor(DEFAULT_QUERY_PARAMETERS);

  /** Words that make a configuration key's whole value secret, e.g. a misspelled {@code ...pasword}. */
  private static final String[] SECRET_KEY_WORDS = {"password", "passwd", "secret", "token", "credential",
      "authorization", "apikey", "api.key", "private"};

  private static final int EXCERPT_LENGTH = 160;

  private final String[] names;
  private final String[] lowerNames;
  /** Bit n is set when some name has n characters (bit 63: 63 or more): most parameters fail this test alone. */
  private final long nameLengths;

  private Redactor(List<String> names) {
    this.names = names.toArray(new String[0]);
    this.lowerNames = new String[this.names.length];
    long lengths = 0;
    for (int i = 0; i < this.names.length; i++) {
      lowerNames[i] = this.names[i].toLowerCase(Locale.ROOT);
      lengths |= 1L << Math.min(this.names[i].length(), 63);
    }
    this.nameLengths = lengths;
  }

  /** The query parameters configured under {@value #QUERY_PARAMETERS_KEY}. */
  public static Redactor fromConfig(Config config) {
    return new Redactor(queryParameters(config.getString(QUERY_PARAMETERS_KEY, String.join(",",
        DEFAULT_QUERY_PARAMETERS))));
  }

  /**
   * For showing configuration: the defaults plus every configured name, so narrowing the list for spans
   * never reveals a default secret in a log. Reads without recording the key.
   */
  static Redactor forDisplay(Config config) {
    String configured = config.peek(QUERY_PARAMETERS_KEY);
    if (configured == null || configured.isEmpty()) {
      return DEFAULT;
    }
    List<String> all = new ArrayList<>(DEFAULT_QUERY_PARAMETERS);
    all.addAll(queryParameters(configured));
    return new Redactor(all);
  }

  private static List<String> queryParameters(String value) {
    String v = value.trim();
    if ("none".equalsIgnoreCase(v)) {
      return Collections.emptyList();
    }
    boolean add = v.startsWith("+");
    List<String> out = new ArrayList<>(add ? DEFAULT_QUERY_PARAMETERS : Collections.<String>emptyList());
    for (String part : (add ? v.substring(1) : v).split(",")) {
      String p = part.trim();
      if (!p.isEmpty()) {
        out.add(p);
      }
    }
    return out;
  }

  /** The parameter names this redactor hides, as configured. */
  public List<String> queryParameters() {
    return Collections.unmodifiableList(Arrays.asList(names));
  }

  /**
   * A query string with the values of sensitive parameters replaced by {@link #REDACTED}
   * ({@code sig=abc&x=1} becomes {@code sig=REDACTED&x=1}). Returns the same instance when nothing needs
   * redacting, the common case, without allocating.
   */
  public String redactQuery(String query) {
    if (query == null || names.length == 0) {
      return query;
    }
    int eq = query.indexOf('=');
    if (eq < 0) {
      return query; // no values at all
    }
    int n = query.length();
    StringBuilder out = null;
    int start = 0;
    while (true) {
      int amp = query.indexOf('&', start);
      int end = amp < 0 ? n : amp;
      if (eq >= 0 && eq < start) {
        eq = query.indexOf('=', start);
      }
      if (eq >= start && eq < end && isSensitive(query, start, eq)) {
        if (out == null) {
          out = new StringBuilder(n + REDACTED.length()).append(query, 0, start);
        }
        out.append(query, start, eq + 1).append(REDACTED);
      } else if (out != null) {
        out.append(query, start, end);
      }
      if (amp < 0) {
        return out == null ? query : out.toString();
      }
      if (out != null) {
        out.append('&');
      }
      start = amp + 1;
    }
  }

  /**
   * A URL with its user info replaced by {@code REDACTED:REDACTED} and sensitive query values redacted,
   * as the OpenTelemetry conventions ask for {@code url.full}. The same instance when nothing changes.
   */
  public String redactUrl(String url) {
    if (url == null) {
      return null;
    }
    String result = url;
    int scheme = url.indexOf("://");
    if (scheme > 0) {
      int authorityStart = scheme + 3;
      int authorityEnd = authorityStart;
      while (authorityEnd < url.length()) {
        char c = url.charAt(authorityEnd);
        if (c == '/' || c == '?' || c == '#') {
          break;
        }
        authorityEnd++;
      }
      int at = url.lastIndexOf('@', authorityEnd - 1);
      if (at >= authorityStart) {
        result = url.substring(0, authorityStart) + REDACTED + ':' + REDACTED + url.substring(at);
      }
    }
    int q = result.indexOf('?');
    if (q < 0) {
      return result;
    }
    int hash = result.indexOf('#', q);
    String query = hash < 0 ? result.substring(q + 1) : result.substring(q + 1, hash);
    String redacted = redactQuery(query);
    if (redacted == query) {
      return result;
    }
    return result.substring(0, q + 1) + redacted + (hash < 0 ? "" : result.substring(hash));
  }

  /**
   * A configuration value as it may be shown: header values hidden ({@code authorization=REDACTED}), URLs
   * redacted, and the whole value hidden when the key's name says it is a secret.
   */
  public String maskConfigValue(String key, String value) {
    if (value == null || value.isEmpty()) {
      return value;
    }
    String k = Config.normalize(key);
    if (k.endsWith(".headers") || k.endsWith(".header")) {
      return maskHeaderValues(value);
    }
    for (String word : SECRET_KEY_WORDS) {
      if (k.contains(word)) {
        return REDACTED;
      }
    }
    return value.contains("://") ? redactUrlsIn(value) : value;
  }

  /** {@code a=1,b=2} becomes {@code a=REDACTED,b=REDACTED}: the names stay, to check what is set. */
  private static String maskHeaderValues(String value) {
    StringBuilder out = new StringBuilder();
    for (String part : value.split(",", -1)) {
      if (out.length() > 0) {
        out.append(',');
      }
      int eq = part.indexOf('=');
      out.append(eq < 0 ? REDACTED : part.substring(0, eq + 1) + REDACTED);
    }
    return out.toString();
  }

  /** Every URL in a value (a list of endpoints, say) redacted. */
  private String redactUrlsIn(String value) {
    StringBuilder out = new StringBuilder(value.length());
    int start = 0;
    while (start < value.length()) {
      int end = start;
      while (end < value.length() && value.charAt(end) != ',' && !Character.isWhitespace(value.charAt(end))) {
        end++;
      }
      out.append(redactUrl(value.substring(start, end)));
      if (end < value.length()) {
        out.append(value.charAt(end));
      }
      start = end + 1;
    }
    return out.toString();
  }

  /**
   * A short, single-line excerpt of text that came from elsewhere (a backend's error body), safe to log:
   * control characters and runs of white space become one space, URLs are redacted, the value after a
   * sensitive name ({@code token=...}, {@code "password": "..."}) or after {@code Bearer}/{@code Basic}
   * is hidden, and at most {@value #EXCERPT_LENGTH} characters are kept.
   */
  public String excerpt(String text) {
    if (text == null) {
      return "";
    }
    StringBuilder oneLine = new StringBuilder(Math.min(text.length(), 4 * EXCERPT_LENGTH));
    boolean space = false;
    for (int i = 0; i < text.length() && oneLine.length() < 4 * EXCERPT_LENGTH; i++) {
      char c = text.charAt(i);
      if (Character.isWhitespace(c) || Character.isISOControl(c)) {
        space = oneLine.length() > 0;
        continue;
      }
      if (space) {
        oneLine.append(' ');
        space = false;
      }
      oneLine.append(c);
    }
    String s = hideValuesAfterSecrets(redactUrlsIn(oneLine.toString()));
    return s.length() <= EXCERPT_LENGTH ? s : s.substring(0, EXCERPT_LENGTH) + "...";
  }

  private String hideValuesAfterSecrets(String s) {
    StringBuilder out = new StringBuilder(s.length());
    int i = 0;
    while (i < s.length()) {
      if (!isWordChar(s.charAt(i))) {
        out.append(s.charAt(i++));
        continue;
      }
      int wordEnd = i;
      while (wordEnd < s.length() && isWordChar(s.charAt(wordEnd))) {
        wordEnd++;
      }
      out.append(s, i, wordEnd);
      int valueStart = valueAfter(s, i, wordEnd);
      if (valueStart < 0) {
        i = wordEnd;
        continue;
      }
      valueStart = afterAuthScheme(s, valueStart);
      int valueEnd = valueStart;
      while (valueEnd < s.length() && " ,;&\"'}])".indexOf(s.charAt(valueEnd)) < 0) {
        valueEnd++;
      }
      out.append(s, wordEnd, valueStart).append(REDACTED);
      i = valueEnd;
    }
    return out.toString();
  }

  /** {@code Authorization: Bearer X}: the scheme stays, the credentials after it go. */
  private static int afterAuthScheme(String s, int valueStart) {
    for (String scheme : new String[] {"bearer ", "basic "}) {
      if (s.regionMatches(true, valueStart, scheme, 0, scheme.length()) && valueStart + scheme.length() < s.length()) {
        return valueStart + scheme.length();
      }
    }
    return valueStart;
  }

  /** Where the secret value after the word [start, end) begins, or -1 if the word names no secret. */
  private int valueAfter(String s, int start, int end) {
    String word = s.substring(start, end);
    if (("bearer".equalsIgnoreCase(word) || "basic".equalsIgnoreCase(word)) && end + 1 < s.length()
        && s.charAt(end) == ' ') {
      return end + 1;
    }
    boolean secret = false;
    for (String w : SECRET_KEY_WORDS) {
      if (word.toLowerCase(Locale.ROOT).contains(w)) {
        secret = true;
      }
    }
    if (!secret && !isSensitive(s, start, end)) {
      return -1;
    }
    int i = end;
    if (i < s.length() && (s.charAt(i) == '"' || s.charAt(i) == '\'')) {
      i++;
    }
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    if (i >= s.length() || (s.charAt(i) != '=' && s.charAt(i) != ':')) {
      return -1;
    }
    i++;
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '"' || s.charAt(i) == '\'')) {
      i++;
    }
    return i < s.length() ? i : -1;
  }

  private static boolean isWordChar(char c) {
    return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
  }

  private boolean isSensitive(String s, int start, int end) {
    int length = end - start;
    if ((nameLengths & (1L << Math.min(length, 63))) == 0) {
      return false; // the common case: no name is that long
    }
    char first = lower(s.charAt(start));
    for (String name : lowerNames) {
      if (name.length() == length && name.charAt(0) == first && sameIgnoringCase(s, start, name)) {
        return true;
      }
    }
    return false;
  }

  /** ASCII case folding: parameter names are ASCII, and this is on the request path. */
  private static boolean sameIgnoringCase(String s, int start, String lowerName) {
    for (int i = 1; i < lowerName.length(); i++) {
      if (lower(s.charAt(start + i)) != lowerName.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  private static char lower(char c) {
    return c >= 'A' && c <= 'Z' ? (char) (c + 32) : c;
  }
}
