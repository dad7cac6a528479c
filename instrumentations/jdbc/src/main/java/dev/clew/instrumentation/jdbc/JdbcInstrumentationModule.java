package dev.clew.instrumentation.jdbc;

import dev.clew.core.config.Config;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.TypeInstrumentation;
import dev.clew.core.instrument.db.SqlSanitizer;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * CLIENT spans for JDBC statement executions, for any driver and any pool.
 *
 * <p>Configuration: {@code otel.instrumentation.common.db-statement-sanitizer.enabled} (default true),
 * {@code clew.jdbc.statement.max-length} (default 4096 characters of {@code db.query.text}),
 * {@code clew.jdbc.transaction-spans} (default false: no spans for commit/rollback),
 * {@code clew.jdbc.db-user.enabled} (default false: no {@code db.user}, which the current semantic
 * conventions no longer define).
 */
public final class JdbcInstrumentationModule extends InstrumentationModule {
  static final String MAX_LENGTH_KEY = "clew.jdbc.statement.max-length";
  static final String TRANSACTION_SPANS_KEY = "clew.jdbc.transaction-spans";
  static final String DB_USER_KEY = "clew.jdbc.db-user.enabled";

  public JdbcInstrumentationModule() {
    super("jdbc");
  }

  @Override
  public List<TypeInstrumentation> typeInstrumentations(Config config) {
    boolean sanitize = config.getBoolean(SqlSanitizer.ENABLED_KEY, true);
    int maxLength = config.getPositiveInt(MAX_LENGTH_KEY, SqlSanitizer.DEFAULT_MAX_LENGTH);
    JdbcTracer.configure(new SqlSanitizer(sanitize, maxLength), config.getBoolean(DB_USER_KEY, false));
    boolean transactionSpans = config.getBoolean(TRANSACTION_SPANS_KEY, false);
    return Arrays.asList(new ConnectionInstrumentation(transactionSpans), new StatementInstrumentation());
  }

  /**
   * None: the advice and helpers use only {@code java.sql} types, which the agent loader sees, so they are
   * loaded once from it and serve every class loader (web apps, pools, drivers). That makes the statement
   * and connection maps in {@link JdbcTracer} shared across loaders, as a wrapper in one loader may hand
   * a statement prepared there to a driver in another.
   */
  @Override
  public List<String> helperPackages() {
    return Collections.emptyList();
  }
}
