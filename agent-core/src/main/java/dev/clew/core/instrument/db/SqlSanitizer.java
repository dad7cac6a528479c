package dev.clew.core.instrument.db;

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
  private final ConcurrentHashMap<String, SqlQuery>[] caches;

  @SuppressWarnings("unchecked")
  public SqlSanitizer(boolean enabled, int maxLength) {
    this.enabled = enabled;
    this.maxLength = maxLength > 0 ? maxLength : DEFAULT_MAX_LENGTH;
    this.caches = new ConcurrentHashMap[SqlDialect.values().length];
    for (int d = 0; d < caches.length; d++) {
      caches[d] = new ConcurrentHashMap<>();
    }
  }

  public boolean isEnabled() {
    return enabled;
  }

  public int maxLength() {
    return maxLength;
  }

  /** The query for a SQL text (null for null). */
  public SqlQuery sanitize(String sql, SqlDialect dialect) {
    if (sql == null) {
      return null;
    }
    SqlDialect d = dialect == null ? SqlDialect.STANDARD : dialect;
    if (sql.length() > CACHEABLE_LENGTH) {
      return SqlLexer.scan(sql, d, enabled, maxLength);
    }
    ConcurrentHashMap<String, SqlQuery> cache = caches[d.ordinal()];
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
}
