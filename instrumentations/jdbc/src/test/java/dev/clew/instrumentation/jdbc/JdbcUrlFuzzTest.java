package dev.clew.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Property: for URLs of every vendor grammar with random credentials (holding the characters that end
 * user info, hosts and properties: {@code / ? @ ; ( ) = , # " { } [ ] &}), no password, and no user that
 * the grammar gives as a property, appears in any attribute; where the grammar still reads the URL as
 * meant (the password sits in a property, or holds none of the characters that cut user info), host, port
 * and database are the ones generated. Garbage never throws.
 */
class JdbcUrlFuzzTest {
  private static final String LETTERS = "ABCDEFGHJKLMNPQRSTUVWXYZ"; // upper case: no generated host or name has them
  private static final String SPECIALS = "/?@;()=,#\"{}[]&:% '";
  private static final String[] HOSTS = {"db.local", "10.0.0.7", "pg-1.internal", "mysql_primary", "h"};
  private static final String[] NAMES = {"shop", "orders_db", "app-1", "sales.eu", "x"};

  /** A generated URL, what must never show, and what a faithful reading gives. */
  record Case(String url, List<String> secrets, String system, String host, int port, String namespace,
      boolean faithful) {}

  private final Random random = new Random(20260416L);

  @Test
  void noCredentialOfAnyVendorGrammarReachesAnAttribute() {
    List<Function<Random, Case>> grammars = List.of(
        this::postgresProperties, this::mysqlUserInfo, this::mysqlProperties, this::mysqlAddress,
        this::mysqlKeyValue, this::mariadbAddress, this::oracleThin, this::oracleDescriptor, this::oracleQuoted,
        this::sqlServerBraced, this::sqlServerRaw, this::db2, this::jtds, this::h2, this::derby, this::informix,
        this::unknownUserInfo, this::unknownProperties);
    int faithful = 0;
    int cases = 0;
    for (int round = 0; round < 1500; round++) {
      for (Function<Random, Case> grammar : grammars) {
        Case c = grammar.apply(random);
        JdbcConnectionInfo info = JdbcUrlParser.parse(c.url());
        List<String> values = new ArrayList<>();
        values.add(info.system);
        values.add(info.namespace);
        values.add(info.host);
        values.add(String.valueOf(info.port));
        for (String value : values) {
          for (String secret : c.secrets()) {
            assertFalse(value != null && value.contains(secret),
                () -> "'" + secret + "' in " + value + " from " + c.url() + " -> " + info);
          }
        }
        assertEquals(c.system(), info.system, c::url);
        if (c.faithful()) {
          assertEquals(c.host(), info.host, c::url);
          assertEquals(c.port(), info.port, c::url);
          assertEquals(c.namespace(), info.namespace, c::url);
          faithful++;
        }
        cases++;
      }
    }
    assertTrue(faithful > cases / 2, faithful + " of " + cases + " read as meant");
  }

  @Test
  void garbageNeverThrows() {
    String alphabet = "jdbc:mysql//postgresql:oracle:thin:@sqlserver;db2h2:tcp:mem:()[]{}=,?#&/\\\"' .:@%-_9Ω😀";
    String[] prefixes = {"", "jdbc:", "jdbc:mysql:", "jdbc:postgresql://", "jdbc:oracle:thin:", "jdbc:sqlserver://",
      "jdbc:db2://", "jdbc:h2:", "jdbc:mysql://address=", "jdbc:oracle:thin:@(", "jdbc:p6spy:", "jdbc:x://["};
    for (int i = 0; i < 50_000; i++) {
      StringBuilder sb = new StringBuilder(prefixes[random.nextInt(prefixes.length)]);
      int length = random.nextInt(40);
      for (int k = 0; k < length; k++) {
        sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
      }
      assertParses(sb.toString());
    }
    // and every generated URL with a character dropped, doubled or inserted
    for (int i = 0; i < 20_000; i++) {
      String url = mysqlAddress(random).url();
      int at = random.nextInt(url.length());
      switch (random.nextInt(3)) {
        case 0 -> assertParses(url.substring(0, at) + url.substring(at + 1));
        case 1 -> assertParses(url.substring(0, at) + url.charAt(at) + url.substring(at));
        default -> assertParses(url.substring(0, at) + SPECIALS.charAt(random.nextInt(SPECIALS.length()))
            + url.substring(at));
      }
    }
  }

  private static void assertParses(String url) {
    JdbcConnectionInfo info;
    try {
      info = JdbcUrlParser.parse(url);
    } catch (RuntimeException e) {
      throw new AssertionError("parse threw on " + url, e);
    }
    assertNotNull(info.system, url);
    assertNotNull(info.dialect, url);
  }

  // --- grammars ---

  private Case postgresProperties(Random r) {
    String host = r.nextBoolean() ? host(r) : "[::1]";
    Integer port = port(r);
    String name = name(r);
    String user = user(r);
    String password = password(r);
    String second = r.nextBoolean() ? "," + host(r) + ":5999" : "";
    String url = "jdbc:postgresql://" + host + colonPort(port) + second + "/" + name + "?user=" + user + "&password="
        + password + (r.nextBoolean() ? "&ssl=true" : "");
    return new Case(url, List.of(password, user), "postgresql", host.replace("[", "").replace("]", ""),
        port == null ? 5432 : port, name, true);
  }

  private Case mysqlUserInfo(Random r) {
    String host = host(r);
    Integer port = port(r);
    String name = name(r);
    String password = password(r);
    String url = "jdbc:mysql://" + user(r) + ":" + password + "@" + host + colonPort(port) + "/" + name
        + (r.nextBoolean() ? "?useSSL=false" : "");
    return new Case(url, List.of(password), "mysql", host, port == null ? 3306 : port, name,
        noneOf(password, "?#("));
  }

  private Case mysqlProperties(Random r) {
    String host = host(r);
    Integer port = port(r);
    String name = name(r);
    String user = user(r);
    String password = password(r);
    String url = "jdbc:mysql://" + host + colonPort(port) + "/" + name + "?user=" + user + "&password=" + password;
    return new Case(url, List.of(password, user), "mysql", host, port == null ? 3306 : port, name, true);
  }

  private Case mysqlAddress(Random r) {
    String host = host(r);
    int port = 1024 + r.nextInt(60000);
    String name = name(r);
    String user = user(r);
    String password = password(r);
    String url = "jdbc:mysql://address=(host=" + host + ")(port=" + port + ")(user=" + user + ")(password=" + password
        + ")/" + name;
    return new Case(url, List.of(password, user), "mysql", host, port, name, noneOf(password, "()"));
  }

  private Case mysqlKeyValue(Random r) {
    String host = host(r);
    int port = 1024 + r.nextInt(60000);
    String name = name(r);
    String user = user(r);
    String password = password(r);
    String url = "jdbc:mysql://(host=" + host + ",port=" + port + ",user=" + user + ",password=" + password + ")/"
        + name + "?connectTimeout=5";
    return new Case(url, List.of(password, user), "mysql", host, port, name, noneOf(password, "()"));
  }

  private Case mariadbAddress(Random r) {
    String host = host(r);
    String name = name(r);
    String user = user(r);
    String password = password(r);
    String url = "jdbc:mariadb:replication://address=(host=" + host + ")(type=master),address=(host=" + host(r)
        + ")(type=slave)/" + name + "?user=" + user + "&password=" + password;
    return new Case(url, List.of(password, user), "mariadb", host, 3306, name, true);
  }

  private Case oracleThin(Random r) {
    String host = host(r);
    int port = 1024 + r.nextInt(60000);
    String service = name(r);
    String password = password(r);
    boolean sid = r.nextBoolean();
    String url = "jdbc:oracle:thin:" + user(r) + "/" + password + "@" + (sid ? host + ":" + port + ":" + service
        : "//" + host + ":" + port + "/" + service);
    return new Case(url, List.of(password), "oracle.db", host, port, service, noneOf(password, "\""));
  }

  private Case oracleDescriptor(Random r) {
    String host = host(r);
    int port = 1024 + r.nextInt(60000);
    String service = name(r);
    String password = password(r);
    String url = "jdbc:oracle:thin:" + user(r) + "/" + password + "@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=" + host
        + ")(PORT=" + port + "))(CONNECT_DATA=(SERVICE_NAME=" + service + ")))";
    return new Case(url, List.of(password), "oracle.db", host, port, service, noneOf(password, "\""));
  }

  private Case oracleQuoted(Random r) {
    String host = host(r);
    String service = name(r);
    String password = password(r).replace('"', 'Q'); // a quoted password cannot hold a quote
    String url = "jdbc:oracle:thin:" + user(r) + "/\"" + password + "\"@" + host + "/" + service;
    return new Case(url, List.of(password), "oracle.db", host, 1521, service, true);
  }

  private Case sqlServerBraced(Random r) {
    String host = host(r);
    Integer port = port(r);
    String name = name(r);
    String user = user(r);
    String password = password(r);
    String url = "jdbc:sqlserver://" + host + colonPort(port) + ";user=" + user + ";password={"
        + password.replace("}", "}}") + "};databaseName=" + name + ";encrypt=true";
    return new Case(url, List.of(password, user), "microsoft.sql_server", host, port == null ? 1433 : port, name, true);
  }

  private Case sqlServerRaw(Random r) {
    String host = host(r);
    String name = name(r);
    String user = user(r);
    String password = password(r);
    String url = "jdbc:sqlserver://" + host + ";databaseName=" + name + ";user=" + user + ";password=" + password;
    return new Case(url, List.of(password, user), "microsoft.sql_server", host, 1433, name, noneOf(password, "{"));
  }

  private Case db2(Random r) {
    String host = host(r);
    int port = 1024 + r.nextInt(60000);
    String name = name(r).replace('.', '_').replace('-', '_');
    String user = user(r);
    String password = password(r);
    String url = "jdbc:db2://" + host + ":" + port + "/" + name + ":user=" + user + ";password=" + password + ";";
    return new Case(url, List.of(password, user), "ibm.db2", host, port, name, true);
  }

  private Case jtds(Random r) {
    String host = host(r);
    Integer port = port(r);
    String name = name(r);
    String user = user(r);
    String password = password(r);
    String url = "jdbc:jtds:sqlserver://" + host + colonPort(port) + "/" + name + ";user=" + user + ";password="
        + password;
    return new Case(url, List.of(password, user), "microsoft.sql_server", host, port == null ? 1433 : port, name,
        true);
  }

  private Case h2(Random r) {
    String name = name(r);
    String user = user(r);
    String password = password(r);
    if (r.nextBoolean()) {
      return new Case("jdbc:h2:mem:" + name + ";USER=" + user + ";PASSWORD=" + password, List.of(password, user),
          "h2database", null, -1, name, true);
    }
    String host = host(r);
    Integer port = port(r);
    String url = "jdbc:h2:tcp://" + host + colonPort(port) + "/~/" + name + ";USER=" + user + ";PASSWORD=" + password;
    return new Case(url, List.of(password, user), "h2database", host, port == null ? 9092 : port, "~/" + name, true);
  }

  private Case derby(Random r) {
    String host = host(r);
    Integer port = port(r);
    String name = name(r);
    String user = user(r);
    String password = password(r);
    String url = "jdbc:derby://" + host + colonPort(port) + "/" + name + ";user=" + user + ";password=" + password;
    return new Case(url, List.of(password, user), "derby", host, port == null ? 1527 : port, name, true);
  }

  private Case informix(Random r) {
    String host = host(r);
    int port = 1024 + r.nextInt(60000);
    String name = name(r);
    String user = user(r);
    String password = password(r);
    String url = "jdbc:informix-sqli://" + host + ":" + port + "/" + name + ":INFORMIXSERVER=ol;user=" + user
        + ";password=" + password;
    return new Case(url, List.of(password, user), "ibm.informix", host, port, name, true);
  }

  private Case unknownUserInfo(Random r) {
    String host = host(r);
    Integer port = port(r);
    String name = name(r);
    String password = password(r);
    String url = "jdbc:tidb://" + user(r) + ":" + password + "@" + host + colonPort(port) + "/" + name;
    return new Case(url, List.of(password), "other_sql", host, port == null ? -1 : port, name, noneOf(password, "?;#"));
  }

  private Case unknownProperties(Random r) {
    String host = host(r);
    Integer port = port(r);
    String name = name(r);
    String user = user(r);
    String password = password(r);
    String url = "jdbc:frobdb://" + host + colonPort(port) + "/" + name + "?user=" + user + "&password=" + password;
    return new Case(url, List.of(password, user), "other_sql", host, port == null ? -1 : port, name, true);
  }

  // --- parts ---

  private static String host(Random r) {
    return HOSTS[r.nextInt(HOSTS.length)];
  }

  private static String name(Random r) {
    return NAMES[r.nextInt(NAMES.length)];
  }

  /** An explicit port, or null for the default. */
  private static Integer port(Random r) {
    return r.nextBoolean() ? null : 1024 + r.nextInt(60000);
  }

  private static String colonPort(Integer port) {
    return port == null ? "" : ":" + port;
  }

  /** {@code U} and five lower-case letters: the upper-case U is in no generated host or name. */
  private static String user(Random r) {
    StringBuilder sb = new StringBuilder("U");
    for (int i = 0; i < 5; i++) {
      sb.append((char) ('a' + r.nextInt(26)));
    }
    return sb.toString();
  }

  /** 8 to 16 characters, half of them separators, at least one upper-case letter. */
  private static String password(Random r) {
    StringBuilder sb = new StringBuilder();
    int length = 8 + r.nextInt(9);
    int letter = r.nextInt(length);
    for (int i = 0; i < length; i++) {
      if (i == letter) {
        sb.append(LETTERS.charAt(r.nextInt(LETTERS.length())));
      } else if (r.nextBoolean()) {
        sb.append(SPECIALS.charAt(r.nextInt(SPECIALS.length())));
      } else {
        sb.append(r.nextBoolean() ? LETTERS.charAt(r.nextInt(LETTERS.length())) : (char) ('0' + r.nextInt(10)));
      }
    }
    return sb.toString();
  }

  private static boolean noneOf(String s, String chars) {
    for (int i = 0; i < chars.length(); i++) {
      if (s.indexOf(chars.charAt(i)) >= 0) {
        return false;
      }
    }
    return true;
  }
}
