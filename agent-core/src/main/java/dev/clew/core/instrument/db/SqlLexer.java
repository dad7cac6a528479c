package dev.clew.core.instrument.db;

import java.util.Arrays;

/**
 * One left-to-right pass over a SQL text: every character is looked at a bounded number of times
 * (no regular expressions, no backtracking), so the cost is linear in the length read. It writes the
 * sanitized text (when sanitizing) and feeds each token to a small state machine that finds the
 * operation and the first collection.
 *
 * <p>Sanitized output: string, numeric, hex, bit, boolean and dollar-quoted literals become {@code ?};
 * comments are dropped (they can carry data, e.g. sqlcommenter tags, and make equal statements look
 * different); every run of whitespace becomes one space; {@code IN (?, ?, ?)} becomes {@code IN (?)}.
 * Identifiers, placeholders, keywords and punctuation are kept as written.
 */
final class SqlLexer {
  private static final int WORD = 1;
  private static final int QUOTED_IDENTIFIER = 2;
  static final int LITERAL = 3;
  static final int PLACEHOLDER = 4;
  private static final int PUNCT = 5;

  // IN-list collapsing
  private static final int IN_NONE = 0;
  private static final int IN_SEEN = 1;
  private static final int IN_LIST = 2;

  // what the extractor expects next
  private static final int START = 0;
  private static final int SEEK_FROM = 1;
  private static final int SEEK_INTO = 2;
  private static final int OBJECT_KIND = 3;
  private static final int NAME = 4;
  private static final int AFTER_NAME = 5;
  private static final int AFTER_DOT = 6;
  private static final int WITH = 7;
  private static final int DONE = 8;
  private static final int AFTER_SEMICOLON = 9;
  private static final int MULTI = 10;
  private static final int SEEK_ON = 11;

  /** Operations recognised as the first keyword, as reported (upper case). */
  private static final String[] OPERATIONS = {
    "SELECT", "INSERT", "UPDATE", "DELETE", "MERGE", "REPLACE", "UPSERT", "CREATE", "DROP", "ALTER",
    "TRUNCATE", "CALL", "EXEC", "EXECUTE", "WITH", "SHOW", "SET", "BEGIN", "COMMIT", "ROLLBACK", "GRANT",
    "REVOKE", "EXPLAIN", "VALUES", "COPY", "LOCK", "USE", "DECLARE", "SAVEPOINT", "RELEASE", "ANALYZE", "VACUUM"
  };
  /** What a {@code WITH} clause leads to. */
  private static final String[] MAIN_STATEMENTS = {"SELECT", "INSERT", "UPDATE", "DELETE", "MERGE"};
  /** Words between {@code CREATE}/{@code DROP}/{@code ALTER} and the kind of object, left out of the operation. */
  private static final String[] DDL_MODIFIERS = {"TEMPORARY", "TEMP", "GLOBAL", "LOCAL", "UNLOGGED", "OR",
    "REPLACE", "ALTER", "CACHED", "MEMORY", "VIRTUAL", "EXTERNAL", "TRANSIENT", "UNIQUE", "CLUSTERED",
    "NONCLUSTERED", "FULLTEXT", "SPATIAL", "BITMAP", "HASH", "MATERIALIZED", "RECURSIVE", "FORCE",
    "EDITIONABLE", "NONEDITIONABLE", "SECURE"};
  /** Kinds of object a DDL statement names; the operation becomes e.g. {@code CREATE INDEX}. */
  private static final String[] OBJECT_KINDS = {"TABLE", "VIEW", "INDEX", "TRIGGER", "FUNCTION", "PROCEDURE",
    "ALIAS", "SEQUENCE", "SCHEMA", "DATABASE", "TYPE", "USER", "ROLE", "EXTENSION", "DOMAIN", "SYNONYM",
    "PACKAGE", "CONSTRAINT", "LOGIN", "EVENT", "TABLESPACE", "COLLATION"};
  private static final String[] BEFORE_NAME = {"ONLY", "TABLE", "IF", "NOT", "EXISTS", "IGNORE", "LOW_PRIORITY"};

  private final String s;
  private final int n;
  private final SqlDialect dialect;
  private final StringBuilder out; // null when not sanitizing
  private final int limit;
  private int i;

  private int inState;
  private int inListStart;
  private boolean inListHasItem;

  private int phase = START;
  private int depth;
  private int statementDepth;
  private String operation;
  private boolean procedure;
  private int nameStart = -1;
  private int nameEnd;

  /** Only when collecting: start, end and kind ({@link #LITERAL} or {@link #PLACEHOLDER}) of each hole. */
  private int[] holes;
  private int holeCount;

  private SqlLexer(String sql, SqlDialect dialect, boolean sanitize, int limit) {
    this.s = sql;
    this.n = sql.length();
    this.dialect = dialect;
    this.out = sanitize ? new StringBuilder(Math.min(sql.length(), limit) + 16) : null;
    this.limit = limit;
  }

  static SqlQuery scan(String sql, SqlDialect dialect, boolean sanitize, int maxLength) {
    SqlLexer lexer = new SqlLexer(sql, dialect == null ? SqlDialect.UNKNOWN : dialect, sanitize, maxLength);
    lexer.run();
    return lexer.result();
  }

  /**
   * Where the values of a statement are: for every literal and every {@code ?} placeholder, in order,
   * three ints (start, end, {@link #LITERAL} or {@link #PLACEHOLDER}). Read only when a statement failed,
   * to find its text and values in the driver's message.
   */
  static int[] holes(String sql, SqlDialect dialect) {
    SqlLexer lexer = new SqlLexer(sql, dialect == null ? SqlDialect.UNKNOWN : dialect, false, Integer.MAX_VALUE);
    lexer.holes = new int[24];
    lexer.run();
    return Arrays.copyOf(lexer.holes, lexer.holeCount);
  }

  private void run() {
    while (i < n) {
      if (out != null ? out.length() > limit && inState != IN_LIST : i > limit) {
        return;
      }
      int start = i;
      char c = s.charAt(i);
      if (Character.isWhitespace(c)) {
        i++;
        space(c);
        continue;
      }
      switch (c) {
        case '\'':
          i = endOfQuoted(i + 1, '\'', dialect.backslashEscapes);
          literal(start);
          continue;
        case '"':
          if (dialect.doubleQuotedStrings) {
            i = endOfQuoted(i + 1, '"', true);
            literal(start);
          } else {
            i = endOfQuoted(i + 1, '"', false);
            word(start, QUOTED_IDENTIFIER);
          }
          continue;
        case '`':
          i = endOfQuoted(i + 1, '`', false);
          word(start, QUOTED_IDENTIFIER);
          continue;
        case '[':
          if (dialect.bracketIdentifiers) {
            i = endOfQuoted(i + 1, ']', false);
            word(start, QUOTED_IDENTIFIER);
            continue;
          }
          break;
        case '-':
          if (at(i + 1) == '-') {
            i = endOfLine(i + 2);
            space(' ');
            continue;
          }
          break;
        case '#':
          if (dialect.hashComments) {
            i = endOfLine(i + 1);
            space(' ');
            continue;
          }
          break;
        case '/':
          if (at(i + 1) == '*') {
            i = endOfBlockComment(i + 2);
            space(' ');
            continue;
          }
          break;
        case '$':
          dollar(start);
          continue;
        case '?':
          i++;
          token(PLACEHOLDER, start, '?');
          continue;
        default:
          break;
      }
      if (isDigit(c) || (c == '.' && isDigit(at(i + 1)))) {
        i = endOfNumber(i);
        literal(start);
      } else if (c == '_' || Character.isLetter(c)) {
        i++;
        while (i < n && isIdentifierPart(s.charAt(i))) {
          i++;
        }
        word(start, WORD);
      } else {
        i++;
        token(PUNCT, start, c);
      }
    }
  }

  private char at(int index) {
    return index < n ? s.charAt(index) : '\0';
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  private static boolean isHexDigit(char c) {
    return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
  }

  private static boolean isIdentifierPart(char c) {
    return c == '_' || c == '$' || Character.isLetterOrDigit(c);
  }

  /** Index after the closing quote; a doubled quote (and, if asked, a backslash) escapes. Unclosed: the end. */
  private int endOfQuoted(int from, char quote, boolean backslash) {
    int j = from;
    while (j < n) {
      char ch = s.charAt(j);
      if (backslash && ch == '\\') {
        j += 2;
      } else if (ch == quote) {
        if (j + 1 < n && s.charAt(j + 1) == quote) {
          j += 2;
        } else {
          return j + 1;
        }
      } else {
        j++;
      }
    }
    return n;
  }

  private int endOfLine(int from) {
    int j = from;
    while (j < n && s.charAt(j) != '\n' && s.charAt(j) != '\r') {
      j++;
    }
    return j;
  }

  /** After the comment's closing; nested comments where the dialect nests them; unclosed: the end. */
  private int endOfBlockComment(int from) {
    int nesting = 1;
    int j = from;
    while (j < n) {
      char ch = s.charAt(j);
      if (ch == '*' && at(j + 1) == '/') {
        j += 2;
        if (--nesting == 0) {
          return j;
        }
      } else if (ch == '/' && at(j + 1) == '*' && dialect.nestedComments) {
        j += 2;
        nesting++;
      } else {
        j++;
      }
    }
    return n;
  }

  /** Digits with optional fraction and exponent, or {@code 0x..}/{@code 0b..}. */
  private int endOfNumber(int from) {
    int j = from;
    char next = at(j + 1);
    if (s.charAt(j) == '0' && (next == 'x' || next == 'X' || next == 'b' || next == 'B')) {
      j += 2;
      while (j < n && isHexDigit(s.charAt(j))) {
        j++;
      }
      return j;
    }
    while (j < n && isDigit(s.charAt(j))) {
      j++;
    }
    if (at(j) == '.') {
      j++;
      while (j < n && isDigit(s.charAt(j))) {
        j++;
      }
    }
    char e = at(j);
    if (e == 'e' || e == 'E') {
      int k = j + 1;
      if (at(k) == '+' || at(k) == '-') {
        k++;
      }
      if (isDigit(at(k))) {
        j = k;
        while (j < n && isDigit(s.charAt(j))) {
          j++;
        }
      }
    }
    return j;
  }

  /** {@code $1} placeholder, {@code $$...$$} or {@code $tag$...$tag$} literal, else a lone {@code $}. */
  private void dollar(int start) {
    if (isDigit(at(i + 1))) {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
      }
      token(PLACEHOLDER, start, '$');
      return;
    }
    int j = i + 1;
    while (j < n && (s.charAt(j) == '_' || Character.isLetterOrDigit(s.charAt(j)))) {
      j++;
    }
    if (j < n && s.charAt(j) == '$') {
      String tag = s.substring(i, j + 1);
      int close = s.indexOf(tag, j + 1);
      i = close < 0 ? n : close + tag.length();
      literal(start);
      return;
    }
    i++;
    token(PUNCT, start, '$');
  }

  private void space(char c) {
    if (out != null) {
      int len = out.length();
      if (len > 0 && out.charAt(len - 1) != ' ') {
        out.append(' ');
      }
    }
  }

  private void literal(int start) {
    token(LITERAL, start, '?');
  }

  /** A word ended at {@code i}: a keyword, identifier, boolean literal or the prefix of a typed string. */
  private void word(int start, int kind) {
    if (kind == WORD) {
      int len = i - start;
      if ((len == 4 && s.regionMatches(true, start, "TRUE", 0, 4))
          || (len == 5 && s.regionMatches(true, start, "FALSE", 0, 5))) {
        literal(start);
        return;
      }
      if (at(i) == '\'' && isAlternativeQuotePrefix(start, len)) {
        i = endOfAlternativeQuote(i + 1); // Oracle q'{...}', nq'[...]'
        literal(start);
        return;
      }
      if (len == 1 && at(i) == '\'') {
        char p = s.charAt(start);
        if (p == 'E' || p == 'e' || p == 'N' || p == 'n' || p == 'X' || p == 'x' || p == 'B' || p == 'b') {
          // E'..' (PostgreSQL escape string), N'..' (national), X'..' (hex), B'..' (bits)
          i = endOfQuoted(i + 1, '\'', p == 'E' || p == 'e' || dialect.backslashEscapes);
          literal(start);
          return;
        }
      }
    }
    token(kind, start, '\0');
    if (out != null && kind == WORD && i - start == 2 && s.regionMatches(true, start, "IN", 0, 2)) {
      inState = IN_SEEN;
    }
  }

  /** {@code q} or {@code nq} in any case, followed by a quote and a delimiter that is not blank. */
  private boolean isAlternativeQuotePrefix(int start, int len) {
    char last = s.charAt(start + len - 1);
    if ((last != 'q' && last != 'Q') || len > 2 || (len == 2 && s.charAt(start) != 'n' && s.charAt(start) != 'N')) {
      return false;
    }
    return i + 1 < n && !Character.isWhitespace(s.charAt(i + 1));
  }

  /**
   * Index after {@code X'} where X closes the delimiter at {@code from} ({@code ]}, {@code \}}, {@code )},
   * {@code >} for their opening brackets, else the same character); unclosed: the end.
   */
  private int endOfAlternativeQuote(int from) {
    char open = s.charAt(from);
    char close = open == '[' ? ']' : open == '{' ? '}' : open == '(' ? ')' : open == '<' ? '>' : open;
    for (int j = from + 1; j + 1 < n; j++) {
      if (s.charAt(j) == close && s.charAt(j + 1) == '\'') {
        return j + 2;
      }
    }
    return n;
  }

  private void token(int kind, int start, char punct) {
    if (holes != null && (kind == LITERAL || (kind == PLACEHOLDER && punct == '?'))) {
      if (holeCount + 3 > holes.length) {
        holes = Arrays.copyOf(holes, holes.length * 2);
      }
      holes[holeCount++] = start;
      holes[holeCount++] = i;
      holes[holeCount++] = kind;
    }
    if (out != null) {
      if (kind == LITERAL) {
        out.append('?');
      } else {
        out.append(s, start, i);
      }
      collapseInList(kind, punct);
    }
    extract(kind, start, i, punct);
  }

  private void collapseInList(int kind, char p) {
    switch (inState) {
      case IN_SEEN:
        if (kind == PUNCT && p == '(') {
          inState = IN_LIST;
          inListStart = out.length();
          inListHasItem = false;
        } else {
          inState = IN_NONE;
        }
        return;
      case IN_LIST:
        if (kind == LITERAL || kind == PLACEHOLDER) {
          inListHasItem = true;
        } else if (kind == PUNCT && p == ')' && inListHasItem) {
          out.setLength(inListStart);
          out.append("?)");
          inState = IN_NONE;
        } else if (!(kind == PUNCT && (p == ',' || p == '-' || p == '+'))) {
          inState = IN_NONE;
        }
        return;
      default:
        return;
    }
  }

  private boolean is(int start, int end, String keyword) {
    return end - start == keyword.length() && s.regionMatches(true, start, keyword, 0, keyword.length());
  }

  private String oneOf(int start, int end, String[] keywords) {
    for (String k : keywords) {
      if (is(start, end, k)) {
        return k;
      }
    }
    return null;
  }

  private void extract(int kind, int start, int end, char p) {
    if (kind == PUNCT) {
      if (p == '(') {
        depth++;
      } else if (p == ')') {
        depth--;
      } else if (p == ';' && depth <= 0) {
        if (phase != MULTI) {
          phase = AFTER_SEMICOLON;
        }
        return;
      }
    }
    switch (phase) {
      case START:
        if (kind == WORD) {
          startStatement(start, end);
        } else if (!(kind == PLACEHOLDER || (kind == PUNCT && (p == '(' || p == '{' || p == '=')))) {
          phase = DONE;
        }
        return;
      case SEEK_FROM:
        if (kind == WORD && depth == statementDepth && is(start, end, "FROM")) {
          phase = NAME;
        }
        return;
      case SEEK_INTO:
        if (kind == WORD && depth == statementDepth && is(start, end, "INTO")) {
          phase = NAME;
        }
        return;
      case OBJECT_KIND:
        if (kind == WORD && oneOf(start, end, DDL_MODIFIERS) == null) {
          objectKind(start, end);
        } else if (kind != WORD) {
          phase = DONE;
        }
        return;
      case SEEK_ON:
        if (kind == WORD && depth == statementDepth && is(start, end, "ON")) {
          phase = NAME;
        }
        return;
      case NAME:
        if (kind == WORD && oneOf(start, end, BEFORE_NAME) != null) {
          return;
        }
        if (kind == WORD || kind == QUOTED_IDENTIFIER) {
          nameStart = start;
          nameEnd = end;
          phase = AFTER_NAME;
        } else {
          phase = DONE;
        }
        return;
      case AFTER_NAME:
        phase = kind == PUNCT && p == '.' && start == nameEnd ? AFTER_DOT : DONE;
        return;
      case AFTER_DOT:
        if ((kind == WORD || kind == QUOTED_IDENTIFIER) && start == nameEnd + 1) {
          nameEnd = end;
          phase = AFTER_NAME;
        } else {
          phase = DONE;
        }
        return;
      case WITH:
        if (kind == WORD && depth == statementDepth) {
          if (oneOf(start, end, MAIN_STATEMENTS) != null) {
            startStatement(start, end);
          }
        }
        return;
      case AFTER_SEMICOLON:
        phase = MULTI;
        return;
      default:
        return;
    }
  }

  private void startStatement(int start, int end) {
    String k = oneOf(start, end, OPERATIONS);
    operation = k;
    statementDepth = depth;
    if (k == null) {
      phase = DONE;
      return;
    }
    switch (k) {
      case "SELECT":
      case "DELETE":
        phase = SEEK_FROM;
        break;
      case "INSERT":
      case "REPLACE":
      case "UPSERT":
      case "MERGE":
        phase = SEEK_INTO;
        break;
      case "UPDATE":
      case "TRUNCATE":
        phase = NAME;
        break;
      case "CREATE":
      case "DROP":
      case "ALTER":
        phase = OBJECT_KIND;
        break;
      case "CALL":
      case "EXEC":
      case "EXECUTE":
        procedure = true;
        phase = NAME;
        break;
      case "WITH":
        operation = null;
        phase = WITH;
        break;
      default:
        phase = DONE;
        break;
    }
  }

  /**
   * {@code CREATE}/{@code DROP}/{@code ALTER} then the kind of object: the operation names both
   * ({@code CREATE INDEX}); the target is the table of a table, view, index or trigger (after {@code ON}),
   * or the routine of a function or procedure. Other kinds have no target.
   */
  private void objectKind(int start, int end) {
    String kind = oneOf(start, end, OBJECT_KINDS);
    if (kind == null) {
      phase = DONE;
      return;
    }
    operation = operation + " " + kind;
    switch (kind) {
      case "TABLE":
      case "VIEW":
        phase = NAME;
        break;
      case "INDEX":
      case "TRIGGER":
        phase = SEEK_ON;
        break;
      case "FUNCTION":
      case "PROCEDURE":
      case "ALIAS":
        procedure = true;
        phase = NAME;
        break;
      default:
        phase = DONE;
        break;
    }
  }

  private SqlQuery result() {
    String text;
    if (out != null) {
      int len = out.length();
      if (len > 0 && out.charAt(len - 1) == ' ') {
        out.setLength(len - 1);
      }
      text = truncate(out, limit);
    } else {
      text = truncate(s, limit);
    }
    if (phase == MULTI) {
      return new SqlQuery(text, null, null, null);
    }
    String name = nameStart >= 0 ? s.substring(nameStart, nameEnd) : null;
    return new SqlQuery(text, operation, procedure ? null : name, procedure ? name : null);
  }

  private static String truncate(CharSequence text, int limit) {
    if (text.length() <= limit) {
      return text.toString();
    }
    int end = limit;
    if (end > 0 && Character.isHighSurrogate(text.charAt(end - 1))) {
      end--;
    }
    return text.subSequence(0, end).toString();
  }
}
