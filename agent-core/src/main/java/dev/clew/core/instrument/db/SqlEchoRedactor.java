package dev.clew.core.instrument.db;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Takes a failed statement's text and values out of text that echoes them: a driver's error message, or a
 * stack trace that repeats it. Drivers quote the statement as written (H2: {@code ...; SQL statement: SELECT
 * ... WHERE password = 'hunter9'}, with a {@code [*]} marker inside), with bound values in place of its
 * {@code ?} (pgjdbc: {@code Batch entry 0 INSERT ... VALUES (1, 'hunter9') was aborted}), or quote one value
 * (PostgreSQL: {@code invalid input syntax for type integer: "hunter9"}).
 *
 * <p>Two passes: the statement, with any text in place of its literals and placeholders, becomes its
 * sanitized text; then every literal value of the statement that is still there becomes {@code ?}, as
 * written ({@code 'hunter9'}, {@code 42}) or, if quoted, its content and the words of its content
 * ({@code hunter9's}, {@code hunter9}; each when at least {@value #MIN_CONTENT} characters: shorter ones are
 * common words of the message itself). A value matches only as a whole word (not inside {@code orders42}),
 * and never on the {@code at ...} lines of a stack trace.
 * Runs only when a statement failed, so it favours thoroughness over speed; it is still linear in the
 * length of the text for each distinct value.
 */
public final class SqlEchoRedactor {
  static final int MIN_CONTENT = 3;

  private SqlEchoRedactor() {}

  /**
   * {@code text} without the echoes of {@code sql}; {@code sanitized} is what the statement's echo becomes
   * (its {@code db.query.text}). Null or empty text or SQL: the text as given.
   */
  public static String redact(String text, String sql, String sanitized, SqlDialect dialect) {
    if (text == null || text.isEmpty() || sql == null || sql.isEmpty()) {
      return text;
    }
    int[] holes = SqlLexer.holes(sql, dialect);
    Cuts cuts = new Cuts();
    statement(text, sql, holes, sanitized == null ? "?" : sanitized, cuts);
    for (String value : values(sql, holes, dialect)) {
      int from = 0;
      int at;
      while ((at = text.indexOf(value, from)) >= 0) {
        if (isWholeWord(text, at, value) && !onFrameLine(text, at)) {
          cuts.add(at, at + value.length(), "?");
        }
        from = at + 1;
      }
    }
    return cuts.applyTo(text);
  }

  /**
   * Each place where the statement stands: its fragments between literals and placeholders in order, with
   * anything (on the same stack-trace entry) between them.
   */
  private static void statement(String text, String sql, int[] holes, String sanitized, Cuts cuts) {
    int parts = holes.length / 3 + 1;
    String first = fragment(sql, holes, 0);
    if (first.trim().isEmpty()) {
      return; // nothing fixed to anchor on; the values pass still runs
    }
    int from = 0;
    int start;
    while ((start = text.indexOf(first, from)) >= 0) {
      int end = start + first.length();
      for (int k = 1; k < parts && end >= 0; k++) {
        String next = fragment(sql, holes, k);
        if (next.isEmpty() && k == parts - 1) {
          end = endOfValue(text, end);
        } else {
          int found = text.indexOf(next, end);
          end = found < 0 || hasFrameLine(text, end, found) ? -1 : found + next.length();
        }
      }
      if (end < 0) {
        return; // a later start cannot find what this one did not
      }
      cuts.add(start, end, sanitized);
      from = end;
    }
  }

  /** The SQL before hole {@code k} (after hole {@code k - 1}); the last fragment runs to the end. */
  private static String fragment(String sql, int[] holes, int k) {
    int from = k == 0 ? 0 : holes[3 * (k - 1) + 1];
    int to = 3 * k < holes.length ? holes[3 * k] : sql.length();
    return sql.substring(from, to);
  }

  /** End of a value a driver put in place of a trailing placeholder: a quoted string or a word. */
  private static int endOfValue(String text, int from) {
    int n = text.length();
    int j = from;
    if (j < n && text.charAt(j) == '\'') {
      j++;
      while (j < n) {
        if (text.charAt(j) == '\'') {
          if (j + 1 < n && text.charAt(j + 1) == '\'') {
            j += 2;
            continue;
          }
          j++;
          break;
        }
        j++;
      }
    } else {
      while (j < n && !Character.isWhitespace(text.charAt(j)) && ",);".indexOf(text.charAt(j)) < 0) {
        j++;
      }
    }
    return j;
  }

  /** Literal values to look for, longest first (so a quoted form goes before its own content). */
  private static List<String> values(String sql, int[] holes, SqlDialect dialect) {
    Set<String> values = new LinkedHashSet<>();
    for (int h = 0; h < holes.length; h += 3) {
      if (holes[h + 2] != SqlLexer.LITERAL) {
        continue;
      }
      String written = sql.substring(holes[h], holes[h + 1]);
      if (written.equalsIgnoreCase("TRUE") || written.equalsIgnoreCase("FALSE")) {
        continue; // not a secret, and a common word
      }
      String content = content(written, dialect);
      if (content != null && content.isEmpty()) {
        continue; // '' hides nothing
      }
      values.add(written);
      if (content != null && content.length() >= MIN_CONTENT) {
        values.add(content);
        String unescaped = unescape(content, written, dialect);
        if (unescaped.length() >= MIN_CONTENT) {
          values.add(unescaped);
        }
        addWords(unescaped, values);
      }
    }
    List<String> sorted = new ArrayList<>(values);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return sorted;
  }

  /**
   * The words of a value ({@code hunter9} of {@code hunter9's}): a driver that splits the statement in its
   * own way (PostgreSQL reads {@code q'{hunter9's}'} as {@code q} and {@code '{hunter9'}) shows parts of it.
   */
  private static void addWords(String value, Set<String> values) {
    int start = -1;
    for (int i = 0; i <= value.length(); i++) {
      if (i < value.length() && isWordChar(value.charAt(i))) {
        if (start < 0) {
          start = i;
        }
      } else if (start >= 0) {
        if (i - start >= MIN_CONTENT && i - start < value.length()) {
          values.add(value.substring(start, i));
        }
        start = -1;
      }
    }
  }

  /** What a quoted literal holds between its quotes (as written); null for an unquoted one (a number). */
  static String content(String written, SqlDialect dialect) {
    int n = written.length();
    if (written.charAt(0) == '$') { // $$...$$ or $tag$...$tag$
      int tagEnd = written.indexOf('$', 1);
      String tag = written.substring(0, tagEnd + 1);
      int end = n >= 2 * tag.length() && written.endsWith(tag) ? n - tag.length() : n;
      return written.substring(Math.min(tag.length(), end), end);
    }
    int quote = 0;
    while (quote < n && written.charAt(quote) != '\'' && written.charAt(quote) != '"') {
      quote++;
    }
    if (quote == n) {
      return null;
    }
    char last = quote > 0 ? written.charAt(quote - 1) : ' ';
    if ((last == 'q' || last == 'Q') && quote + 1 < n) { // q'{...}': between the delimiters
      int end = n - quote >= 4 && written.charAt(n - 1) == '\'' ? n - 2 : n;
      return written.substring(Math.min(quote + 2, end), end);
    }
    char q = written.charAt(quote);
    int end = n - quote >= 2 && written.charAt(n - 1) == q ? n - 1 : n;
    return written.substring(quote + 1, end);
  }

  /** The value a driver shows: doubled quotes as one and, where the dialect has them, backslash escapes read. */
  private static String unescape(String content, String written, SqlDialect dialect) {
    boolean backslash = (dialect != null && dialect.backslashEscapes)
        || written.charAt(0) == 'E' || written.charAt(0) == 'e';
    StringBuilder sb = new StringBuilder(content.length());
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (backslash && c == '\\' && i + 1 < content.length()) {
        sb.append(content.charAt(++i));
      } else {
        sb.append(c);
        if ((c == '\'' || c == '"') && i + 1 < content.length() && content.charAt(i + 1) == c) {
          i++;
        }
      }
    }
    return sb.toString();
  }

  private static boolean isWholeWord(String text, int at, String value) {
    int end = at + value.length();
    return !(isWordChar(value.charAt(0)) && at > 0 && isWordChar(text.charAt(at - 1)))
        && !(isWordChar(value.charAt(value.length() - 1)) && end < text.length() && isWordChar(text.charAt(end)));
  }

  private static boolean isWordChar(char c) {
    return c == '_' || Character.isLetterOrDigit(c);
  }

  /** Whether {@code at} is on a stack-trace line naming a frame ({@code at ...}, {@code ... 3 more}). */
  private static boolean onFrameLine(String text, int at) {
    return isFrameLine(text, text.lastIndexOf('\n', at - 1) + 1);
  }

  private static boolean isFrameLine(String text, int lineStart) {
    int k = lineStart;
    while (k < text.length() && (text.charAt(k) == '\t' || text.charAt(k) == ' ')) {
      k++;
    }
    return text.startsWith("at ", k) || text.startsWith("... ", k);
  }

  /** Whether a frame line starts between {@code from} and {@code to}: a statement never spans one. */
  private static boolean hasFrameLine(String text, int from, int to) {
    for (int nl = text.indexOf('\n', from); nl >= 0 && nl < to; nl = text.indexOf('\n', nl + 1)) {
      if (isFrameLine(text, nl + 1)) {
        return true;
      }
    }
    return false;
  }

  /** Non-overlapping replacements of ranges of a text; the first one claiming a range keeps it. */
  private static final class Cuts {
    private final TreeMap<Integer, Cut> byStart = new TreeMap<>();

    void add(int start, int end, String replacement) {
      Map.Entry<Integer, Cut> before = byStart.floorEntry(end - 1);
      if (before == null || before.getValue().end <= start) {
        byStart.put(start, new Cut(end, replacement));
      }
    }

    String applyTo(String text) {
      if (byStart.isEmpty()) {
        return text;
      }
      StringBuilder sb = new StringBuilder(text.length());
      int at = 0;
      for (Map.Entry<Integer, Cut> e : byStart.entrySet()) {
        sb.append(text, at, e.getKey()).append(e.getValue().replacement);
        at = e.getValue().end;
      }
      return sb.append(text, at, text.length()).toString();
    }
  }

  private static final class Cut {
    final int end;
    final String replacement;

    Cut(int end, String replacement) {
      this.end = end;
      this.replacement = replacement;
    }
  }
}
