package dev.clew.instrumentation.jdbc;

import java.util.Locale;

/** The {@code db.system.name} of a {@code DatabaseMetaData.getDatabaseProductName()}; null when unknown. */
final class DatabaseProducts {
  private static final String[][] PREFIXES = {
    {"postgresql", "postgresql"}, {"mysql", "mysql"}, {"mariadb", "mariadb"},
    {"microsoft sql server", "microsoft.sql_server"}, {"oracle", "oracle.db"}, {"h2", "h2database"},
    {"hsql database engine", "hsqldb"}, {"apache derby", "derby"}, {"sqlite", "sqlite"}, {"db2", "ibm.db2"},
    {"informix", "ibm.informix"}, {"clickhouse", "clickhouse"}, {"trino", "trino"}, {"hdb", "sap.hana"},
    {"teradata", "teradata"}, {"firebird", "firebirdsql"}, {"apache hive", "hive"}, {"redshift", "aws.redshift"},
  };

  private DatabaseProducts() {}

  static String system(String productName) {
    if (productName == null) {
      return null;
    }
    String p = productName.trim().toLowerCase(Locale.ROOT);
    for (String[] prefix : PREFIXES) {
      if (p.startsWith(prefix[0])) {
        return prefix[1];
      }
    }
    return null;
  }
}
