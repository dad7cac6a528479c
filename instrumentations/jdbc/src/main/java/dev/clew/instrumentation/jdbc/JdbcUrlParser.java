package dev.clew.instrumentation.jdbc;

import java.util.Locale;

/**
 * Reads {@code db.system.name}, {@code db.namespace}, {@code server.address} and {@code server.port}
 * from a JDBC URL. Never returns user names or passwords (URLs may hold them before an {@code @}).
 */
final class JdbcUrlParser {
  private JdbcUrlParser() {}

  static JdbcConnectionInfo parse(String url) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return JdbcConnectionInfo.UNKNOWN;
    }
    String rest = url.substring(5);
    for (String wrapper : new String[] {"p6spy:", "log4jdbc:", "otel:"}) {
      if (rest.regionMatches(true, 0, wrapper, 0, wrapper.length())) {
        rest = rest.substring(wrapper.length());
      }
    }
    int colon = rest.indexOf(':');
    if (colon < 0) {
      return JdbcConnectionInfo.UNKNOWN;
    }
    String subprotocol = rest.substring(0, colon).toLowerCase(Locale.ROOT);
    String tail = rest.substring(colon + 1);
    switch (subprotocol) {
      case "postgresql":
      case "pgsql":
        return network("postgresql", tail, 5432);
      case "mysql":
        return network("mysql", tail, 3306);
      case "mariadb":
        return network("mariadb", tail, 3306);
      case "sqlserver":
        return sqlServer(tail);
      case "jtds":
        return network("microsoft.sql_server", tail, 1433);
      case "oracle":
        return oracle(tail);
      case "db2":
      case "as400":
        return network("ibm.db2", tail, 50000);
      case "h2":
        return local("h2database", tail, 9092, new String[] {"mem:", "file:", "zip:"});
      case "hsqldb":
        return local("hsqldb", tail, 9001, new String[] {"mem:", "file:", "res:"});
      case "derby":
        return local("derby", tail, 1527, new String[] {"memory:", "directory:", "classpath:", "jar:"});
      case "sqlite":
        return new JdbcConnectionInfo("sqlite", beforeParameters(tail, 0), null, -1);
      default:
        return network("other_sql", tail, -1);
    }
  }

  /** {@code [mode:]//[user[:password]@]host[:port][,host2...]/database[?|;params]}; without {@code //}: a local name. */
  private static JdbcConnectionInfo network(String system, String tail, int defaultPort) {
    int slashes = tail.indexOf("//");
    if (slashes < 0) {
      return new JdbcConnectionInfo(system, beforeParameters(tail, 0), null, -1);
    }
    int authorityStart = slashes + 2;
    int authorityEnd = indexOfAny(tail, authorityStart, "/?;");
    String authority = tail.substring(authorityStart, authorityEnd);
    String namespace = authorityEnd < tail.length() && tail.charAt(authorityEnd) == '/'
        ? beforeParameters(tail, authorityEnd + 1) : null;
    return withHost(system, namespace, authority, defaultPort);
  }

  private static JdbcConnectionInfo withHost(String system, String namespace, String authority, int defaultPort) {
    String a = authority.substring(authority.lastIndexOf('@') + 1); // drop credentials
    int comma = a.indexOf(',');
    if (comma >= 0) {
      a = a.substring(0, comma);
    }
    String host = a;
    int port = defaultPort;
    int portColon;
    if (a.startsWith("[")) { // IPv6 literal
      int close = a.indexOf(']');
      host = close > 0 ? a.substring(1, close) : a;
      portColon = close > 0 && close + 1 < a.length() && a.charAt(close + 1) == ':' ? close + 1 : -1;
    } else {
      portColon = a.lastIndexOf(':');
      if (portColon >= 0) {
        host = a.substring(0, portColon);
      }
    }
    if (portColon >= 0) {
      port = parsePort(a.substring(portColon + 1), defaultPort);
    }
    return new JdbcConnectionInfo(system, namespace, host, port);
  }

  /** {@code //host[\instance][:port][;databaseName=db;...]}. */
  private static JdbcConnectionInfo sqlServer(String tail) {
    String body = tail.startsWith("//") ? tail.substring(2) : tail;
    int semicolon = body.indexOf(';');
    String authority = semicolon < 0 ? body : body.substring(0, semicolon);
    int backslash = authority.indexOf('\\');
    if (backslash >= 0) {
      int colon = authority.indexOf(':', backslash);
      authority = authority.substring(0, backslash) + (colon >= 0 ? authority.substring(colon) : "");
    }
    String namespace = null;
    if (semicolon >= 0) {
      for (String part : body.substring(semicolon + 1).split(";")) {
        int eq = part.indexOf('=');
        if (eq > 0) {
          String key = part.substring(0, eq).trim();
          if (key.equalsIgnoreCase("databaseName") || key.equalsIgnoreCase("database")) {
            namespace = part.substring(eq + 1).trim();
          }
        }
      }
    }
    return withHost("microsoft.sql_server", namespace, authority, 1433);
  }

  /** {@code thin:[user/pass]@host:port:SID}, {@code @//host:port/service}, or {@code @(DESCRIPTION=...)}. */
  private static JdbcConnectionInfo oracle(String tail) {
    int at = tail.indexOf('@');
    if (at < 0) {
      return new JdbcConnectionInfo("oracle.db", null, null, -1);
    }
    String target = tail.substring(at + 1).trim();
    if (target.startsWith("(")) {
      String upper = target.toUpperCase(Locale.ROOT);
      String service = descriptor(target, upper, "SERVICE_NAME=");
      return new JdbcConnectionInfo("oracle.db", service != null ? service : descriptor(target, upper, "SID="),
          descriptor(target, upper, "HOST="), parsePort(descriptor(target, upper, "PORT="), 1521));
    }
    if (target.startsWith("//")) {
      target = target.substring(2);
    }
    int end = indexOfAny(target, 0, "?");
    target = target.substring(0, end);
    int slash = target.indexOf('/');
    String namespace = null;
    String authority = target;
    if (slash >= 0) {
      namespace = target.substring(slash + 1);
      authority = target.substring(0, slash);
    } else {
      int first = target.indexOf(':');
      int second = first < 0 ? -1 : target.indexOf(':', first + 1);
      if (second >= 0) {
        namespace = target.substring(second + 1);
        authority = target.substring(0, second);
      }
    }
    return withHost("oracle.db", namespace, authority, 1521);
  }

  private static String descriptor(String text, String upper, String key) {
    int i = upper.indexOf(key);
    if (i < 0) {
      return null;
    }
    int start = i + key.length();
    int end = text.indexOf(')', start);
    return (end < 0 ? text.substring(start) : text.substring(start, end)).trim();
  }

  /** Embedded databases: {@code mem:name}, {@code file:path}, a bare path, or a network form with {@code //}. */
  private static JdbcConnectionInfo local(String system, String tail, int defaultPort, String[] localModes) {
    int slashes = tail.indexOf("//");
    int colon = tail.indexOf(':');
    if (slashes >= 0 && colon >= 0 && colon < slashes) { // tcp://, ssl://, hsql://, http://
      return network(system, tail, defaultPort);
    }
    if (slashes == 0) {
      return network(system, tail, defaultPort);
    }
    String body = tail;
    for (String mode : localModes) {
      if (body.regionMatches(true, 0, mode, 0, mode.length())) {
        body = body.substring(mode.length());
        break;
      }
    }
    return new JdbcConnectionInfo(system, beforeParameters(body, 0), null, -1);
  }

  private static String beforeParameters(String s, int from) {
    return s.substring(from, indexOfAny(s, from, "?;"));
  }

  private static int indexOfAny(String s, int from, String chars) {
    for (int i = from; i < s.length(); i++) {
      if (chars.indexOf(s.charAt(i)) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  private static int parsePort(String s, int defaultPort) {
    if (s == null) {
      return defaultPort;
    }
    int end = 0;
    while (end < s.length() && Character.isDigit(s.charAt(end))) {
      end++;
    }
    if (end == 0 || end > 5) {
      return defaultPort;
    }
    return Integer.parseInt(s.substring(0, end));
  }
}
