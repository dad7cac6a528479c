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
  SQLSERVER(false, false, false, true, false);

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

  /** The dialect of a {@code db.system.name} value; {@link #STANDARD} for unknown systems. */
  public static SqlDialect forSystem(String dbSystemName) {
    if (dbSystemName == null) {
      return STANDARD;
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
      default:
        return STANDARD;
    }
  }
}
