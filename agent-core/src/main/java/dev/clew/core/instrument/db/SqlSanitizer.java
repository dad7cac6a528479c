package dev.clew.core.instrument.db;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Makes a SQL text safe to record as {@code db.query.text} and names what it does: literals become
 * {@code ?}, comments are dropped, whitespace runs become one space, {@code IN (?, ?, ?)} becomes
 * {@code IN (?)}, and the result is cut at {@code maxLength} characters (see {@link SqlLexer}). With
 * sanitizing off the text is kept as given (still truncated) and the operation is still extracted.
 * Reusable by every database instrumentation; recent results are cached per dialect (bounded).
 */
public final class SqlSanitizer {
  public static final int DEFAULT_MAX_LENGTH = 4096;
  /** The OpenTelemetry key that switches sanitizing off for every database instrumentation. */
  public static final String ENABLED_KEY = "otel.instrumentation.common.db-statement-sanitizer.enabled";

  private static final int CACHE_ENTRIES = 256;
  private static final int CACHEABLE_LENGTH = 2048;

  private final boolean enabled;
  private final int maxLength;
  private final List<ConcurrentHashMap<String, SqlQuery>> caches = new ArrayList<>();

  public SqlSanitizer(boolean enabled, int maxLength) {
    this.enabled = enabled;
    this.maxLength = maxLength > 0 ? maxLength : DEFAULT_MAX_LENGTH;
    for (int d = 0; d < SqlDialect.values().length; d++) {
      caches.add(new ConcurrentHashMap<String, SqlQuery>());
    }
  }

  public boolean isEnabled() {
    return enabled;
  }

  public int maxLength() {
    return maxLength;
  }

  /** The query for a SQL text (null for null); a null dialect reads as {@link SqlDialect#UNKNOWN}. */
  public SqlQuery sanitize(String sql, SqlDialect dialect) {
    if (sql == null) {
      return null;
    }
    SqlDialect d = dialect == null ? SqlDialect.UNKNOWN : dialect;
    if (sql.length() > CACHEABLE_LENGTH) {
      return SqlLexer.scan(sql, d, enabled, maxLength);
    }
    ConcurrentHashMap<String, SqlQuery> cache = caches.get(d.ordinal());
    SqlQuery q = cache.get(sql);
    if (q == null) {
      q = SqlLexer.scan(sql, d, enabled, maxLength);
      if (cache.size() >= CACHE_ENTRIES) {
        cache.clear(); // statements built with inlined values would otherwise churn an LRU for nothing
      }
      cache.put(sql, q);
    }
    return q;
  }

  /**
   * One query for a batch of statements: their texts joined with {@code "; "} (the text once when they
   * are all equal), and the operation, collection and procedure they share, if they share one.
   */
  public SqlQuery sanitizeBatch(List<String> statements, SqlDialect dialect) {
    int count = statements == null ? 0 : statements.size();
    if (count == 0) {
      return null;
    }
    SqlQuery first = sanitize(statements.get(0), dialect);
    if (count == 1 || first == null) {
      return first;
    }
    String operation = first.operation();
    String collection = first.collection();
    String procedure = first.storedProcedure();
    StringBuilder text = new StringBuilder(first.text());
    boolean allSameText = true;
    for (int i = 1; i < count; i++) {
      SqlQuery q = sanitize(statements.get(i), dialect);
      if (q == null) {
        continue;
      }
      operation = same(operation, q.operation());
      collection = same(collection, q.collection());
      procedure = same(procedure, q.storedProcedure());
      if (!q.text().equals(first.text())) {
        allSameText = false;
      }
      if (text.length() <= maxLength) {
        text.append("; ").append(q.text());
      }
    }
    String joined = allSameText ? first.text() : text.length() > maxLength ? text.substring(0, maxLength)
        : text.toString();
    return new SqlQuery(joined, operation, collection, procedure);
  }

  private static String same(String a, String b) {
    return a != null && a.equals(b) ? a : null;
  }
}
