package dev.clew.core.instrument;

/**
 * Per-thread nesting counter for one instrumentation family, so only the outermost call of a chain
 * (JDBC wrappers, filter chains, clients built on clients) creates a span. Lives in the agent core so
 * the count is shared across every class loader the family's advice runs in.
 */
public final class CallDepth {
  private static final java.util.concurrent.ConcurrentHashMap<String, ThreadLocal<int[]>> FAMILIES =
      new java.util.concurrent.ConcurrentHashMap<>();

  private final ThreadLocal<int[]> depth;

  private CallDepth(ThreadLocal<int[]> depth) {
    this.depth = depth;
  }

  /** The counter of a family, e.g. {@code forFamily("jdbc")}; look it up once and keep it. */
  public static CallDepth forFamily(String family) {
    return new CallDepth(FAMILIES.computeIfAbsent(family, f -> ThreadLocal.withInitial(() -> new int[1])));
  }

  /** Enters one level; returns the depth before entering (0 means outermost). */
  public int getAndIncrement() {
    return depth.get()[0]++;
  }

  /** Leaves one level; returns the depth after leaving. */
  public int decrementAndGet() {
    int[] d = depth.get();
    if (d[0] > 0) {
      d[0]--;
    }
    return d[0];
  }

  public int get() {
    return depth.get()[0];
  }
}
