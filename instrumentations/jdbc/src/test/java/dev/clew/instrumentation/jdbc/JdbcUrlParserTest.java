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
            "inst|Sales", "sql.local", 1444),
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
        // issue 16: credentials in every vendor's grammar stay out of the attributes
        Arguments.of("jdbc:mysql://address=(host=h)(port=3306)(user=bob)(password=S)/db", "mysql", "db", "h", 3306),
        Arguments.of("jdbc:mysql://address=(host=h)(password=S/x?y@z)(port=3307)/db?ssl=true", "mysql", "db", "h", 3307),
        Arguments.of("jdbc:mysql://(host=h,port=3307,user=bob,password=S)/db", "mysql", "db", "h", 3307),
        Arguments.of("jdbc:mysql://[(host=h1,port=1),(host=h2,port=2)]/db", "mysql", "db", "h1", 1),
        Arguments.of("jdbc:mysql://address=(host=h)(password=a)b)/db", "mysql", null, null, -1),
        Arguments.of("jdbc:mysql://bob:pa/ss@h:3306/db", "mysql", "db", "h", 3306),
        Arguments.of("jdbc:mysql://bob:p@ss@h/db", "mysql", "db", "h", 3306),
        Arguments.of("jdbc:mysql://bob:pa?ss@h:3306/db", "mysql", null, null, -1),
        Arguments.of("jdbc:mysql://bob:pa(ss@h:3306/db", "mysql", null, null, -1),
        Arguments.of("jdbc:mysql://db.local:3306/app?user=app&password=Sup3r@Secret", "mysql", "app", "db.local", 3306),
        Arguments.of("jdbc:mariadb:replication://address=(host=m1)(port=3307)(type=master),address=(host=m2)/app?user=x",
            "mariadb", "app", "m1", 3307),
        Arguments.of("jdbc:postgresql://h1:5433,h2/db?user=bob&password=Sup3r@Secret/x", "postgresql", "db", "h1", 5433),
        Arguments.of("jdbc:postgresql://db.local/shop?password=a//b@c", "postgresql", "shop", "db.local", 5432),
        Arguments.of("jdbc:postgresql:shop", "postgresql", "shop", null, -1),
        Arguments.of("jdbc:db2://db2.local:50001/SAMPLE:user=db2admin;password=S;", "ibm.db2", "SAMPLE", "db2.local", 50001),
        Arguments.of("jdbc:db2:SAMPLE:user=db2admin;", "ibm.db2", "SAMPLE", null, -1),
        Arguments.of("jdbc:sqlserver://sql.local;user=bob;password={a;databaseName=evil}};x};databaseName=Sales",
            "microsoft.sql_server", "Sales", "sql.local", 1433),
        Arguments.of("jdbc:sqlserver://;serverName=sql.local;portNumber=1444;databaseName=Sales", "microsoft.sql_server",
            "Sales", "sql.local", 1444),
        Arguments.of("jdbc:jtds:sqlserver://jt.local:1435/sales;user=u;password=p", "microsoft.sql_server", "sales",
            "jt.local", 1435),
        Arguments.of("jdbc:oracle:thin:scott/\"p@ss/w\"@ora.local:1521/svc", "oracle.db", "svc", "ora.local", 1521),
        Arguments.of("jdbc:oracle:thin:scott/p@ss@ora.local:1522:ORCL", "oracle.db", "ORCL", "ora.local", 1522),
        Arguments.of("jdbc:oracle:thin:@ora.local:1521", "oracle.db", null, "ora.local", 1521),
        Arguments.of("jdbc:oracle:thin:scott/tiger@myalias", "oracle.db", null, null, -1),
        Arguments.of("jdbc:oracle:thin:@ldap://ldap.local:389/orcl,cn=OracleContext", "oracle.db", null, null, -1),
        Arguments.of("jdbc:informix-sqli://ifx.local:9088/stores:INFORMIXSERVER=ol;user=u;password=p", "ibm.informix",
            "stores", "ifx.local", 9088),
        Arguments.of("jdbc:h2:tcp://h2.local/~/shop;USER=sa;PASSWORD=a@b", "h2database", "~/shop", "h2.local", 9092),
        Arguments.of("jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'http://a/b'", "h2database", "x", null, -1),
        Arguments.of("jdbc:tidb://bob:S3cret@tidb.local:4000/shop", "other_sql", "shop", "tidb.local", 4000),
        Arguments.of("jdbc:teradata://td.local/DATABASE=db,USER=u,PASSWORD=p", "teradata", null, "td.local", 1025),
        Arguments.of("jdbc:frob:user/pass@host", "other_sql", null, null, -1),
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
