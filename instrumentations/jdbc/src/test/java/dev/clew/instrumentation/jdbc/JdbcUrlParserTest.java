package dev.clew.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class JdbcUrlParserTest {
  static Stream<Arguments> urls() {
    return Stream.of(
        // url, db.system.name, db.namespace, server.address, server.port
        Arguments.of("jdbc:postgresql://db.local:6543/shop?ssl=true", "postgresql", "shop", "db.local", 6543),
        Arguments.of("jdbc:postgresql://db.local/shop", "postgresql", "shop", "db.local", 5432),
        Arguments.of("jdbc:postgresql://h1:5433,h2:5434/shop", "postgresql", "shop", "h1", 5433),
        Arguments.of("jdbc:postgresql://[::1]:5433/shop", "postgresql", "shop", "::1", 5433),
        Arguments.of("jdbc:mysql://user:secret@mysql.local:3307/app", "mysql", "app", "mysql.local", 3307),
        Arguments.of("jdbc:mysql:loadbalance://m1,m2/app", "mysql", "app", "m1", 3306),
        Arguments.of("jdbc:mariadb://maria:3306/app?useSSL=false", "mariadb", "app", "maria", 3306),
        Arguments.of("jdbc:p6spy:mysql://mysql.local/app", "mysql", "app", "mysql.local", 3306),
        Arguments.of("jdbc:sqlserver://sql.local\\inst:1444;databaseName=Sales;encrypt=true", "microsoft.sql_server",
            "Sales", "sql.local", 1444),
        Arguments.of("jdbc:sqlserver://sql.local;database=Sales", "microsoft.sql_server", "Sales", "sql.local", 1433),
        Arguments.of("jdbc:oracle:thin:@ora.local:1522:ORCL", "oracle.db", "ORCL", "ora.local", 1522),
        Arguments.of("jdbc:oracle:thin:scott/tiger@//ora.local:1521/sales.svc", "oracle.db", "sales.svc", "ora.local", 1521),
        Arguments.of("jdbc:oracle:thin:@(DESCRIPTION=(ADDRESS=(PROTOCOL=TCP)(HOST=ora.local)(PORT=1530))"
            + "(CONNECT_DATA=(SERVICE_NAME=sales)))", "oracle.db", "sales", "ora.local", 1530),
        Arguments.of("jdbc:db2://db2.local:50001/BANK", "ibm.db2", "BANK", "db2.local", 50001),
        Arguments.of("jdbc:h2:mem:shop;DB_CLOSE_DELAY=-1", "h2database", "shop", null, -1),
        Arguments.of("jdbc:h2:./data/shop", "h2database", "./data/shop", null, -1),
        Arguments.of("jdbc:h2:tcp://h2.local:9093/~/shop", "h2database", "~/shop", "h2.local", 9093),
        Arguments.of("jdbc:hsqldb:mem:test", "hsqldb", "test", null, -1),
        Arguments.of("jdbc:hsqldb:hsql://hsql.local/test", "hsqldb", "test", "hsql.local", 9001),
        Arguments.of("jdbc:derby:memory:demo;create=true", "derby", "demo", null, -1),
        Arguments.of("jdbc:derby://derby.local:1528/demo", "derby", "demo", "derby.local", 1528),
        Arguments.of("jdbc:sqlite:/var/data/app.db", "sqlite", "/var/data/app.db", null, -1),
        Arguments.of("jdbc:frobdb://frob.local:1234/x", "other_sql", "x", "frob.local", 1234),
        Arguments.of("not a url", "other_sql", null, null, -1));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("urls")
  void readsSystemNamespaceAndServer(String url, String system, String namespace, String host, int port) {
    JdbcConnectionInfo info = JdbcUrlParser.parse(url);
    assertEquals(system, info.system);
    assertEquals(namespace, info.namespace);
    assertEquals(host, info.host);
    assertEquals(port, info.port);
  }
}
