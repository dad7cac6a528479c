package dev.clew.core.context;

import dev.clew.core.util.WeakIdentityMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The context a task was submitted in, for tasks that cannot be wrapped because the pool relies on
 * their identity ({@code ForkJoinTask}: {@code fork}, {@code join}, {@code submit} returning the same
 * task). Keys are held weakly and compared by identity, so a task that is dropped and never runs
 * leaves nothing once collected; a task that runs, is cancelled or is rejected takes its entry out.
 * {@link #take} costs one volatile read while nothing is attached (the usual case: every ForkJoinTask
 * execution asks).
 */
public final class TaskContexts {
  private static final WeakIdentityMap<Object, Context> MAP = new WeakIdentityMap<>();
  // attached minus taken; may overcount entries whose task was collected, never undercounts
  private static final AtomicInteger ATTACHED = new AtomicInteger();

  private TaskContexts() {}

  /** Remembers {@code context} for {@code task} unless one is already remembered; the root context is never stored. */
  public static void attach(Object task, Context context) {
    if (task == null || context.isRoot()) {
      return;
    }
    // a submission can pass two instrumented methods (externalSubmit then externalPush): the first one wins,
    // and the count must not grow twice or take() would lose its empty fast path for good
    if (MAP.get(task) == null) {
      MAP.put(task, context);
      ATTACHED.incrementAndGet();
    }
  }

  /** Removes and returns the context remembered for {@code task}, or null. */
  public static Context take(Object task) {
    if (ATTACHED.get() <= 0 || task == null) {
      return null;
    }
    Context c = MAP.remove(task);
    if (c != null) {
      ATTACHED.decrementAndGet();
    }
    return c;
  }

  /** Live entries; for tests and diagnostics. */
  public static int size() {
    return MAP.size();
  }
}
