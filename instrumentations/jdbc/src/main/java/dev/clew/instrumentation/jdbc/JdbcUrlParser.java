package dev.clew.instrumentation.jdbc;

import java.util.Locale;

/**
 * Reads {@code db.system.name}, {@code db.namespace}, {@code server.address} and {@code server.port} from a
 * JDBC URL, following each vendor's grammar. Credentials never reach an attribute: user info up to the
 * last {@code @} before the properties is skipped, nothing after a property separator is read (except the
 * named SQL Server properties), only {@code host} and {@code port} are read from MySQL's key-value host
 * forms, and a host list or database name that does not read as one (a password holding {@code /},
 * {@code ?} or {@code (} cut the URL where the grammar did not expect it) is dropped whole, never partly
 * reported. Runs once per URL (see {@link JdbcConnections}).
 */
final class JdbcUrlParser {
  private static final String[] WRAPPERS = {"p6spy:", "log4jdbc:", "otel:", "tracing:", "aws-wrapper:"};

  private static final Grammar POSTGRESQL = new Grammar("postgresql", 5432, "?", "?").withUserInfo();
  private static final Grammar MYSQL = new Grammar("mysql", 3306, "?#", "?#").withUserInfo().withKeyValueHosts();
  private static final Grammar MARIADB = new Grammar("mariadb", 3306, "?#", "?#").withUserInfo().withKeyValueHosts();
  private static final Grammar DB2 = new Grammar("ibm.db2", 50000, ";?", ":;?");
  private static final Grammar AS400 = new Grammar("ibm.db2", -1, ";?", ";?");
  private static final Grammar INFORMIX = new Grammar("ibm.informix", -1, ";?", ":;?");
  private static final Grammar CLICKHOUSE = new Grammar("clickhouse", 8123, "?#", "?#").withUserInfo();
  private static final Grammar TRINO = new Grammar("trino", 8080, "?;", "?;/").withUserInfo();
  private static final Grammar REDSHIFT = new Grammar("aws.redshift", 5439, "?;", "?;").withUserInfo();
  private static final Grammar HIVE = new Grammar("hive", 10000, "?;#", "?;#").withUserInfo();
  private static final Grammar FIREBIRD = new Grammar("firebirdsql", 3050, "?;", "?;").withPathNames();
  private static final Grammar HANA = new Grammar("sap.hana", -1, "?;", "?;/").withUserInfo();
  private static final Grammar TERADATA = new Grammar("teradata", 1025, "?;,", "?;,");
  private static final Grammar H2 = new Grammar("h2database", 9092, ";", ";").withPathNames();
  private static final Grammar HSQLDB = new Grammar("hsqldb", 9001, ";", ";").withPathNames();
  private static final Grammar DERBY = new Grammar("derby", 1527, ";", ";").withPathNames();
  private static final Grammar OTHER = new Grammar("other_sql", -1, "?;#", "?;#:&").withUserInfo();

  private JdbcUrlParser() {}

  static JdbcConnectionInfo parse(String url) {
    if (url == null || !url.regionMatches(true, 0, "jdbc:", 0, 5)) {
      return JdbcConnectionInfo.UNKNOWN;
    }
    String rest = url.substring(5).trim();
    for (String wrapper : WRAPPERS) {
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
        return network(POSTGRESQL, tail);
      case "mysql":
      case "mysqlx":
      case "mysql+srv":
        return network(MYSQL, tail);
      case "mariadb":
        return network(MARIADB, tail);
      case "sqlserver":
        return sqlServer(tail);
      case "jtds":
        return jtds(tail);
      case "oracle":
        return oracle(tail);
      case "db2":
        return network(DB2, tail);
      case "as400":
        return network(AS400, tail);
      case "informix-sqli":
        return network(INFORMIX, tail);
      case "clickhouse":
      case "ch":
        return network(CLICKHOUSE, tail);
      case "trino":
        return network(TRINO, tail);
      case "redshift":
        return network(REDSHIFT, tail);
      case "hive2":
        return network(HIVE, tail);
      case "firebirdsql":
      case "firebird":
        return network(FIREBIRD, tail);
      case "sap":
        return network(HANA, tail);
      case "teradata":
        return network(TERADATA, tail);
      case "h2":
        return embedded(H2, tail, "mem:", "file:", "zip:", "nio:", "split:");
      case "hsqldb":
        return embedded(HSQLDB, tail, "mem:", "file:", "res:");
      case "derby":
        return embedded(DERBY, tail, "memory:", "directory:", "classpath:", "jar:");
      case "sqlite":
        return new JdbcConnectionInfo("sqlite", beforeAny(tail, 0, "?;"), null, -1);
      default:
        return network(OTHER, tail);
    }
  }

  /** How a vendor writes what follows its scheme. */
  private static final class Grammar {
    final String system;
    final int defaultPort;
    /** Characters that start the properties after the host list (and end it). */
    final String propertyStarts;
    /** Characters that end the database name. */
    final String nameEnds;
    /** {@code user:password@} may precede the hosts. */
    boolean userInfo;
    /** MySQL's {@code address=(host=h)(port=p)} and {@code (host=h,port=p)} hosts: parentheses nest. */
    boolean keyValueHosts;
    /** The database is a file path ({@code ~/data/shop}), not a plain name. */
    boolean pathNames;

    Grammar(String system, int defaultPort, String propertyStarts, String nameEnds) {
      this.system = system;
      this.defaultPort = defaultPort;
      this.propertyStarts = propertyStarts;
      this.nameEnds = nameEnds;
    }

    Grammar withUserInfo() {
      userInfo = true;
      return this;
    }

    Grammar withKeyValueHosts() {
      keyValueHosts = true;
      return this;
    }

    Grammar withPathNames() {
      pathNames = true;
      return this;
    }

    JdbcConnectionInfo systemOnly() {
      return new JdbcConnectionInfo(system, null, null, -1);
    }
  }

  /**
   * {@code [mode:]//[user[:password]@]host[:port][,host...][/database][props]}; without {@code //}, a
   * database name alone ({@code jdbc:postgresql:shop}, {@code jdbc:db2:SAMPLE}).
   */
  private static JdbcConnectionInfo network(Grammar g, String tail) {
    int slashes = afterModes(tail);
    if (slashes < 0) {
      String name = beforeAny(tail, 0, g.nameEnds);
      return new JdbcConnectionInfo(g.system, isName(name) ? name : null, null, -1);
    }
    String s = tail.substring(slashes + 2);
    int hostStart = 0;
    if (g.userInfo) {
      int properties = indexOfAny(s, 0, g.propertyStarts, g.keyValueHosts);
      hostStart = lastIndexOf(s, '@', properties, g.keyValueHosts) + 1;
    }
    int authorityEnd = indexOfAny(s, hostStart, "/" + g.propertyStarts, g.keyValueHosts);
    Host host = g.keyValueHosts ? Host.firstOfMySqlList(s.substring(hostStart, authorityEnd), g.defaultPort)
        : Host.firstOfList(s.substring(hostStart, authorityEnd), g.defaultPort);
    if (host == null) {
      return g.systemOnly();
    }
    String namespace = null;
    if (authorityEnd < s.length() && s.charAt(authorityEnd) == '/') {
      String name = beforeAny(s, authorityEnd + 1, g.nameEnds);
      namespace = g.pathNames || isName(name) ? name : null;
    }
    return new JdbcConnectionInfo(g.system, namespace, host.name, host.port);
  }

  /**
   * Index of the {@code //} that starts the authority, after optional modes such as {@code loadbalance:},
   * {@code tcp:} or {@code replication:}; -1 when the text before it is anything else (a {@code //} inside
   * a property value or path is no authority).
   */
  private static int afterModes(String tail) {
    int slashes = tail.indexOf("//");
    if (slashes < 0) {
      return -1;
    }
    for (int i = 0; i < slashes; i++) {
      char c = tail.charAt(i);
      boolean modeChar = c == ':' || c == '+' || c == '-' || c == '_' || (c < 128 && Character.isLetterOrDigit(c));
      if (!modeChar) {
        return -1;
      }
    }
    return slashes == 0 || tail.charAt(slashes - 1) == ':' ? slashes : -1;
  }

  /** H2, HSQLDB, Derby: {@code [mode:]path[;props]}, or a network form ({@code tcp://}, {@code hsql://}, {@code //}). */
  private static JdbcConnectionInfo embedded(Grammar g, String tail, String... localModes) {
    if (afterModes(tail) >= 0) {
      return network(g, tail);
    }
    String body = tail;
    for (String mode : localModes) {
      if (body.regionMatches(true, 0, mode, 0, mode.length())) {
        body = body.substring(mode.length());
        break;
      }
    }
    return new JdbcConnectionInfo(g.system, beforeAny(body, 0, g.nameEnds), null, -1);
  }

  /**
   * {@code //[host][\instance][:port][;property=value...]}: values in braces may hold {@code ;}. Only
   * {@code serverName}, {@code instanceName}, {@code portNumber}/{@code port} and
   * {@code databaseName}/{@code database} are read. {@code db.namespace} is {@code instance|database}.
   */
  private static JdbcConnectionInfo sqlServer(String tail) {
    String system = "microsoft.sql_server";
    if (!tail.startsWith("//")) {
      return new JdbcConnectionInfo(system, null, null, -1);
    }
    String s = tail.substring(2);
    int semicolon = s.indexOf(';');
    String authority = semicolon < 0 ? s : s.substring(0, semicolon);
    String instance = null;
    int backslash = authority.indexOf('\\');
    if (backslash >= 0) {
      int colon = authority.indexOf(':', backslash);
      instance = authority.substring(backslash + 1, colon < 0 ? authority.length() : colon);
      authority = authority.substring(0, backslash) + (colon < 0 ? "" : authority.substring(colon));
    }
    SqlServerProperties p = new SqlServerProperties();
    if (semicolon >= 0) {
      p.read(s, semicolon + 1);
    }
    if (authority.isEmpty() && p.server != null) {
      authority = p.server + (p.port != null ? ":" + p.port : "");
    } else if (p.port != null && authority.indexOf(':') < 0 && !authority.isEmpty()) {
      authority = authority + ":" + p.port;
    }
    if (instance == null) {
      instance = p.instance;
    }
    Host host = Host.parse(authority, 1433);
    if (host == null || (instance != null && !isName(instance)) || (p.database != null && !isName(p.database))) {
      return new JdbcConnectionInfo(system, null, null, -1);
    }
    String namespace = instance == null ? p.database : p.database == null ? instance : instance + "|" + p.database;
    return new JdbcConnectionInfo(system, namespace, host.name, host.port);
  }

  /** The SQL Server properties clew reads; keys are case-insensitive, a value in braces may hold {@code ;}. */
  private static final class SqlServerProperties {
    String server;
    String instance;
    String port;
    String database;

    void read(String s, int from) {
      int i = from;
      while (i < s.length()) {
        int eq = s.indexOf('=', i);
        int semicolon = s.indexOf(';', i);
        if (eq < 0 || (semicolon >= 0 && semicolon < eq)) { // a key without a value
          if (semicolon < 0) {
            return;
          }
          i = semicolon + 1;
          continue;
        }
        String key = s.substring(i, eq).trim();
        int valueStart = eq + 1;
        while (valueStart < s.length() && s.charAt(valueStart) == ' ') {
          valueStart++;
        }
        int valueEnd;
        int next;
        if (valueStart < s.length() && s.charAt(valueStart) == '{') {
          valueEnd = closingBrace(s, valueStart + 1);
          int after = s.indexOf(';', Math.min(valueEnd + 1, s.length()));
          next = after < 0 ? s.length() : after + 1;
          valueStart++;
        } else {
          valueEnd = semicolon < 0 ? s.length() : semicolon;
          next = semicolon < 0 ? s.length() : semicolon + 1;
        }
        String value = s.substring(valueStart, Math.max(valueStart, valueEnd)).trim();
        if (key.equalsIgnoreCase("serverName") || key.equalsIgnoreCase("server")) {
          server = server == null ? value : server;
        } else if (key.equalsIgnoreCase("instanceName")) {
          instance = instance == null ? value : instance;
        } else if (key.equalsIgnoreCase("portNumber") || key.equalsIgnoreCase("port")) {
          port = port == null ? value : port;
        } else if (key.equalsIgnoreCase("databaseName") || key.equalsIgnoreCase("database")) {
          database = database == null ? value : database;
        }
        i = next;
      }
    }

    /** Index of the {@code }} closing a braced value ({@code }}} inside is an escaped brace); unclosed: the end. */
    private static int closingBrace(String s, int from) {
      for (int j = from; j < s.length(); j++) {
        if (s.charAt(j) == '}') {
          if (j + 1 < s.length() && s.charAt(j + 1) == '}') {
            j++;
          } else {
            return j;
          }
        }
      }
      return s.length();
    }
  }

  /** {@code jtds:sqlserver://host[:port][/database][;props]} or {@code jtds:sybase://...}. */
  private static JdbcConnectionInfo jtds(String tail) {
    boolean sqlServer = tail.regionMatches(true, 0, "sqlserver:", 0, 10);
    Grammar g = new Grammar(sqlServer ? "microsoft.sql_server" : "other_sql", sqlServer ? 1433 : 7100, ";", ";");
    int colon = tail.indexOf(':');
    return network(g, colon < 0 ? "" : tail.substring(colon + 1));
  }

  /**
   * {@code thin:[user/password]@target} (also {@code oci:}); the target follows the last {@code @} outside
   * double quotes: {@code host:port:SID}, {@code [//]host[:port]/service[?params]}, or a descriptor
   * {@code (DESCRIPTION=...(HOST=h)(PORT=p)...(SERVICE_NAME=s))}. TNS aliases and LDAP URLs name no host.
   */
  private static JdbcConnectionInfo oracle(String tail) {
    String system = "oracle.db";
    JdbcConnectionInfo none = new JdbcConnectionInfo(system, null, null, -1);
    int at = lastUnquotedAt(tail);
    if (at < 0) {
      return none;
    }
    String target = tail.substring(at + 1).trim();
    if (target.startsWith("(")) {
      return oracleDescriptor(target);
    }
    String lower = target.toLowerCase(Locale.ROOT);
    if (lower.startsWith("ldap:") || lower.startsWith("ldaps:")) {
      return none;
    }
    if (lower.startsWith("tcp://") || lower.startsWith("tcps://")) {
      target = target.substring(target.indexOf("//"));
    }
    if (target.startsWith("//")) {
      target = target.substring(2);
    }
    target = beforeAny(target, 0, "?");
    int slash = target.indexOf('/');
    String authority;
    String service;
    if (slash >= 0) {
      authority = target.substring(0, slash);
      service = beforeAny(target, slash + 1, ":/");
    } else {
      int first = target.startsWith("[") ? target.indexOf(':', Math.max(0, target.indexOf(']'))) : target.indexOf(':');
      if (first < 0) {
        return none; // a TNS alias: no host to tell
      }
      int second = target.indexOf(':', first + 1);
      authority = second < 0 ? target : target.substring(0, second);
      service = second < 0 ? null : target.substring(second + 1);
    }
    Host host = Host.firstOfList(authority, 1521);
    if (host == null || host.name == null || (service != null && !isName(service))) {
      return none;
    }
    return new JdbcConnectionInfo(system, service, host.name, host.port);
  }

  private static int lastUnquotedAt(String s) {
    int at = -1;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        quoted = !quoted;
      } else if (c == '@' && !quoted) {
        at = i;
      }
    }
    return at;
  }

  /** The first leaf {@code (HOST=...)}, {@code (PORT=...)} and {@code (SERVICE_NAME=...)} or {@code (SID=...)}. */
  private static JdbcConnectionInfo oracleDescriptor(String d) {
    String host = null;
    String port = null;
    String service = null;
    String sid = null;
    for (int open = d.indexOf('('); open >= 0; open = d.indexOf('(', open + 1)) {
      int eq = d.indexOf('=', open);
      int close = eq < 0 ? -1 : d.indexOf(')', eq);
      if (close < 0) {
        break;
      }
      String key = d.substring(open + 1, eq).trim().toUpperCase(Locale.ROOT);
      String value = d.substring(eq + 1, close).trim();
      if (value.indexOf('(') >= 0) {
        continue; // not a leaf
      }
      if (key.equals("HOST") && host == null) {
        host = value;
      } else if (key.equals("PORT") && port == null) {
        port = value;
      } else if (key.equals("SERVICE_NAME") && service == null) {
        service = value;
      } else if (key.equals("SID") && sid == null) {
        sid = value;
      }
    }
    String namespace = service != null ? service : sid;
    Host h = host == null ? null : Host.parse(port == null ? host : host + ":" + port, 1521);
    return new JdbcConnectionInfo("oracle.db", isName(namespace) ? namespace : null, h == null ? null : h.name,
        h == null ? -1 : h.port);
  }

  /** One host and its port; {@code name} null when the URL gives none (the driver's default host). */
  private static final class Host {
    static final Host NONE = new Host(null, -1);

    final String name;
    final int port;

    private Host(String name, int port) {
      this.name = name;
      this.port = port;
    }

    /** The first of {@code host[:port],host[:port]...}; null when it is not a host. */
    static Host firstOfList(String hosts, int defaultPort) {
      return parse(beforeTopLevelComma(hosts), defaultPort);
    }

    /**
     * MySQL and MariaDB: the first of a list whose entries may also be {@code address=(host=h)(port=p)...},
     * {@code (host=h,port=p,...)} or a bracketed sub-list; only {@code host} and {@code port} are read.
     */
    static Host firstOfMySqlList(String hosts, int defaultPort) {
      String first = beforeTopLevelComma(hosts).trim();
      if (first.regionMatches(true, 0, "address=", 0, 8)) {
        return keyValues(first.substring(8), defaultPort, true);
      }
      if (first.startsWith("(")) {
        return keyValues(first, defaultPort, false);
      }
      if (first.startsWith("[") && first.endsWith("]") && !isIpv6(first.substring(1, first.length() - 1))) {
        return firstOfMySqlList(first.substring(1, first.length() - 1), defaultPort);
      }
      return parse(first, defaultPort);
    }

    /** {@code (k=v)(k=v)...} (groups) or {@code (k=v,k=v)}; anything else around them: not a host. */
    private static Host keyValues(String s, int defaultPort, boolean groups) {
      String[] hostAndPort = new String[2];
      int i = 0;
      while (i < s.length()) {
        if (s.charAt(i) == ' ') {
          i++;
          continue;
        }
        int close = s.indexOf(')', i);
        if (s.charAt(i) != '(' || close < 0 || (!groups && close != s.length() - 1)) {
          return null;
        }
        String inner = s.substring(i + 1, close);
        if (groups) {
          readHostOrPort(inner, hostAndPort);
        } else {
          for (String pair : inner.split(",", -1)) {
            readHostOrPort(pair, hostAndPort);
          }
        }
        i = close + 1;
      }
      String host = hostAndPort[0];
      if (host == null) {
        return NONE;
      }
      return parse(hostAndPort[1] == null ? host : host + ":" + hostAndPort[1], defaultPort);
    }

    private static void readHostOrPort(String pair, String[] hostAndPort) {
      int eq = pair.indexOf('=');
      if (eq < 0) {
        return;
      }
      String key = pair.substring(0, eq).trim();
      int slot = key.equalsIgnoreCase("host") ? 0 : key.equalsIgnoreCase("port") ? 1 : -1;
      if (slot >= 0 && hostAndPort[slot] == null) {
        hostAndPort[slot] = pair.substring(eq + 1).trim();
      }
    }

    /** {@code host}, {@code host:port}, {@code [ipv6]}, {@code [ipv6]:port} or empty; null for anything else. */
    static Host parse(String s, int defaultPort) {
      String host;
      String port = null;
      if (s.startsWith("[")) {
        int close = s.indexOf(']');
        if (close < 0 || !isIpv6(s.substring(1, close))) {
          return null;
        }
        host = s.substring(1, close);
        if (close + 1 < s.length()) {
          if (s.charAt(close + 1) != ':') {
            return null;
          }
          port = s.substring(close + 2);
        }
      } else {
        int colon = s.indexOf(':');
        host = colon < 0 ? s : s.substring(0, colon);
        port = colon < 0 ? null : s.substring(colon + 1);
        if (!host.isEmpty() && !isHostName(host)) {
          return null;
        }
      }
      int p = defaultPort;
      if (port != null) {
        p = parsePort(port);
        if (p < 0) {
          return null;
        }
      }
      return host.isEmpty() ? NONE : new Host(host, p);
    }
  }

  /** Up to the first comma outside parentheses and, outside those, brackets (MySQL sub-lists, IPv6). */
  private static String beforeTopLevelComma(String hosts) {
    int parentheses = 0;
    int brackets = 0;
    for (int i = 0; i < hosts.length(); i++) {
      char c = hosts.charAt(i);
      if (c == '(') {
        parentheses++;
      } else if (c == ')' && parentheses > 0) {
        parentheses--;
      } else if (parentheses == 0 && c == '[') {
        brackets++;
      } else if (parentheses == 0 && c == ']' && brackets > 0) {
        brackets--;
      } else if (c == ',' && parentheses == 0 && brackets == 0) {
        return hosts.substring(0, i);
      }
    }
    return hosts;
  }

  private static boolean isHostName(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static boolean isIpv6(String s) {
    if (s.indexOf(':') < 0) {
      return false;
    }
    int zone = s.indexOf('%');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok = zone >= 0 && i > zone ? Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-'
          : Character.digit(c, 16) >= 0 || c == ':' || c == '.' || i == zone;
      if (!ok) {
        return false;
      }
    }
    return true;
  }

  /** A database, schema or service name: letters, digits and {@code _ - . $ ~}; no separator of any grammar. */
  private static boolean isName(String s) {
    if (s == null || s.isEmpty()) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.' || c == '$' || c == '~')) {
        return false;
      }
    }
    return true;
  }

  /** 1 to 65535 in decimal digits only; -1 otherwise. */
  private static int parsePort(String s) {
    if (s.isEmpty() || s.length() > 5) {
      return -1;
    }
    for (int i = 0; i < s.length(); i++) {
      if (s.charAt(i) < '0' || s.charAt(i) > '9') {
        return -1;
      }
    }
    int port = Integer.parseInt(s);
    return port >= 1 && port <= 65535 ? port : -1;
  }

  private static String beforeAny(String s, int from, String chars) {
    return s.substring(from, indexOfAny(s, from, chars, false));
  }

  /** First index at or after {@code from} of one of {@code chars} outside parentheses (if they nest); else the length. */
  private static int indexOfAny(String s, int from, String chars, boolean parentheses) {
    int depth = 0;
    for (int i = from; i < s.length(); i++) {
      char c = s.charAt(i);
      if (parentheses && c == '(') {
        depth++;
      } else if (parentheses && c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && chars.indexOf(c) >= 0) {
        return i;
      }
    }
    return s.length();
  }

  /** Last index before {@code end} of {@code ch} outside parentheses (if they nest); else -1. */
  private static int lastIndexOf(String s, char ch, int end, boolean parentheses) {
    int depth = 0;
    int last = -1;
    for (int i = 0; i < end; i++) {
      char c = s.charAt(i);
      if (parentheses && c == '(') {
        depth++;
      } else if (parentheses && c == ')') {
        depth = Math.max(0, depth - 1);
      } else if (depth == 0 && c == ch) {
        last = i;
      }
    }
    return last;
  }
}
