package dev.clew.core.instrument.db;

/**
 * The lexical rules of a SQL family that change where a literal ends. Only what matters for finding
 * literals safely is modelled; when in doubt a dialect reads more text as literal, never less.
 */
public enum SqlDialect {
  /** ANSI quoting: {@code 'string'}, {@code "identifier"}; nested block comments. */
  STANDARD(false, false, false, false, true),
  /** MySQL and MariaDB: backslash escapes, {@code "..."} strings, {@code #} comments, flat block comments. */
  MYSQL(true, true, true, false, false),
  /** PostgreSQL: as standard, plus backslash escapes inside {@code E'...'} strings (handled by the lexer). */
  POSTGRESQL(false, false, false, false, true),
  /** SQL Server: {@code [bracketed identifiers]}. */
  SQLSERVER(false, false, false, true, false),
  /**
   * SQLite: {@code "..."} is an identifier only when such a column exists, else a string, so it is read as
   * a string; {@code [identifiers]}; no backslash escapes.
   */
  SQLITE(false, true, false, true, false),
  /**
   * A database the instrumentation cannot name: MySQL's reading (backslash escapes, {@code "..."} strings,
   * {@code #} comments), the most common among SQL engines that speak another's protocol (TiDB and other
   * MySQL-compatible servers), with nested comments read as nested (a comment swallows more, never less).
   */
  UNKNOWN(true, true, true, false, true);

  final boolean backslashEscapes;
  final boolean doubleQuotedStrings;
  final boolean hashComments;
  final boolean bracketIdentifiers;
  final boolean nestedComments;

  SqlDialect(boolean backslashEscapes, boolean doubleQuotedStrings, boolean hashComments,
      boolean bracketIdentifiers, boolean nestedComments) {
    this.backslashEscapes = backslashEscapes;
    this.doubleQuotedStrings = doubleQuotedStrings;
    this.hashComments = hashComments;
    this.bracketIdentifiers = bracketIdentifiers;
    this.nestedComments = nestedComments;
  }

  /**
   * The dialect of a {@code db.system.name} value: the known SQL systems by name, {@link #UNKNOWN} for
   * null, {@code other_sql} and any system not listed here.
   */
  public static SqlDialect forSystem(String dbSystemName) {
    if (dbSystemName == null) {
      return UNKNOWN;
    }
    switch (dbSystemName) {
      case "mysql":
      case "mariadb":
        return MYSQL;
      case "postgresql":
        return POSTGRESQL;
      case "microsoft.sql_server":
      case "sqlserver":
        return SQLSERVER;
      case "sqlite":
        return SQLITE;
      case "h2database":
      case "hsqldb":
      case "derby":
      case "oracle.db":
      case "ibm.db2":
      case "trino":
      case "sap.hana":
      case "teradata":
      case "firebirdsql":
        return STANDARD;
      default:
        return UNKNOWN;
    }
  }
}
