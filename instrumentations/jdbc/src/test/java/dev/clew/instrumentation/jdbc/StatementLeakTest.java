package dev.clew.instrumentation.jdbc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.bootstrap.AgentLauncher;
import dev.clew.testing.AgentSpans;
import java.lang.reflect.Method;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import org.junit.jupiter.api.Test;

/** The SQL remembered per statement goes away when the statement is closed or collected. */
class StatementLeakTest {
  private static final int STATEMENTS = 1_000_000;

  /** A counter of the agent's own {@link JdbcTracer} (the test's copy of the class is another one). */
  static int agentCount(String method) throws Exception {
    Class<?> tracer = Class.forName("dev.clew.instrumentation.jdbc.JdbcTracer", true, AgentLauncher.agentClassLoader());
    Method m = tracer.getDeclaredMethod(method);
    m.setAccessible(true);
    return (Integer) m.invoke(null);
  }

  @Test
  void aMillionDiscardedStatementsLeaveNoBookkeeping() throws Exception {
    int before = agentCount("trackedStatements");
    int peak = 0;
    long start = System.nanoTime();
    try (Connection c = DriverManager.getConnection("jdbc:h2:mem:leak", "sa", "")) {
      for (int i = 0; i < STATEMENTS; i++) {
        PreparedStatement ps = c.prepareStatement("SELECT ? FROM DUAL");
        if (i % 100_000 == 0) {
          peak = Math.max(peak, agentCount("trackedStatements"));
        }
        if (i % 2 == 0) {
          ps.close(); // forgotten at once
        } // else dropped unclosed: forgotten when collected
      }
    }
    long elapsed = System.nanoTime() - start;
    int after = Integer.MAX_VALUE;
    for (int attempt = 0; attempt < 50 && after > before + 100; attempt++) {
      System.gc();
      Thread.sleep(50);
      after = agentCount("trackedStatements");
    }
    System.out.printf("prepared %,d statements in %d ms (%.2f µs each); tracked statements before %d, "
        + "peak sample %,d, after GC %d%n", STATEMENTS, elapsed / 1_000_000, elapsed / 1000.0 / STATEMENTS,
        before, peak, after);
    assertTrue(after <= before + 100, "statements still tracked after GC: " + after);
    assertTrue(agentCount("trackedConnections") <= 100, "connections tracked: " + agentCount("trackedConnections"));
    assertEquals(0, AgentSpans.adviceErrors());
  }
}
