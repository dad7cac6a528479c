package dev.clew.core.instrument.db;

import java.lang.management.ManagementFactory;

/**
 * Prints time, allocation and throughput of sanitizing typical SQL texts, uncached (the lexer's own cost)
 * and through the cache. Run by hand (not a test):
 * {@code java -cp <test classpath> dev.clew.core.instrument.db.SqlSanitizerBenchmark}.
 */
public final class SqlSanitizerBenchmark {
  static final int WARMUP = 100_000;
  static final int RUNS = 200_000;
  static volatile Object sink;

  public static void main(String[] args) {
    String select = "SELECT id, note FROM orders WHERE customer_id = ? AND status IN ('new', 'paid')";
    String insert = "INSERT INTO shop.orders (id, customer_id, note, amount, created) VALUES (10231, 77, "
        + "'Please ring twice, it''s the blue door', 1299.95, '2024-06-01 10:22:00')";
    StringBuilder big = new StringBuilder("SELECT * FROM events WHERE id IN (");
    for (int i = 0; i < 800; i++) {
      big.append(i == 0 ? "" : ", ").append(100_000 + i);
    }
    String inList = big.append(") AND kind = 'click' /* dashboard */").toString();
    for (String sql : new String[] {select, insert, inList}) {
      String label = sql.length() + " chars";
      measure("lexer, " + label, sql.length(), () -> sink = SqlLexer.scan(sql, SqlDialect.POSTGRESQL, true, 4096));
    }
    SqlSanitizer cached = new SqlSanitizer(true, 4096);
    measure("cached sanitize, " + insert.length() + " chars", 0, () -> sink = cached.sanitize(insert, SqlDialect.STANDARD));
  }

  static void measure(String what, int chars, Runnable r) {
    for (int i = 0; i < WARMUP; i++) {
      r.run();
    }
    com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    long tid = Thread.currentThread().getId();
    long ns = Long.MAX_VALUE;
    long bytes = Long.MAX_VALUE;
    for (int round = 0; round < 5; round++) { // best of 5: the machine is shared
      long bytes0 = mx.getThreadAllocatedBytes(tid);
      long t0 = System.nanoTime();
      for (int i = 0; i < RUNS; i++) {
        r.run();
      }
      ns = Math.min(ns, System.nanoTime() - t0);
      bytes = Math.min(bytes, mx.getThreadAllocatedBytes(tid) - bytes0);
    }
    double perOp = (double) ns / RUNS;
    System.out.printf("%-36s %9.1f ns/op %8.1f B/op%s%n", what, perOp, (double) bytes / RUNS,
        chars > 0 ? String.format(" %6.0f MB/s", chars * 2 / perOp * 1000) : "");
  }
}
