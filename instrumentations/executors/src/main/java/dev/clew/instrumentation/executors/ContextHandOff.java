package dev.clew.instrumentation.executors;

import dev.clew.bootstrap.AgentLauncher;
import dev.clew.core.context.Context;
import dev.clew.core.context.ContextCallable;
import dev.clew.core.context.ContextRunnable;
import dev.clew.core.context.Scope;
import dev.clew.core.context.TaskContexts;
import dev.clew.core.instrument.CallDepth;
import java.security.AccessController;
import java.security.PrivilegedAction;
import java.util.Collections;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.FutureTask;

/**
 * Owns the hand-off of the current context to tasks that run on other threads; the advice classes
 * only call in here. Two ways, chosen by what the pool needs:
 * <ul>
 *   <li><b>wrap</b> ({@link ContextRunnable}/{@link ContextCallable}): the task given to
 *   {@code Executor.execute}, to a {@code FutureTask} constructor (so {@code submit}, {@code invokeAll},
 *   {@code invokeAny} and {@code schedule*} of every JDK executor) and to a {@code Thread}
 *   constructor. One small object per task, garbage with the task; nothing to clean up after
 *   cancellation or rejection.</li>
 *   <li><b>attach</b> ({@link TaskContexts}): a {@code ForkJoinTask}, whose identity the pool relies on
 *   (fork/join, submit returns it); the context is taken back when the task executes.</li>
 * </ul>
 * In both cases nothing happens while the current context is the root one: no wrapper, no entry.
 * Loaded once, in the agent class loader (it is not an advice helper), so its state is shared by all
 * call sites.
 */
public final class ContextHandOff {
  /**
   * Inside {@code ThreadFactory.newThread} or {@code ThreadPoolExecutor.addWorker}: the thread being made is a
   * worker of a pool or framework, not a task's thread, and belongs to no request.
   */
  private static final CallDepth WORKER_CREATION = CallDepth.forFamily("executors-worker-creation");

  /**
   * Set (0 or 1) from a {@code Thread} subclass's constructor until {@code Thread}'s own constructor returns: the
   * thread is a library's worker (its own thread class), made with or without a factory.
   */
  private static final CallDepth SUBCLASS_THREAD = CallDepth.forFamily("executors-subclass-thread");

  /** Inside submit/invokeAll/invokeAny/schedule* of an excluded executor: its FutureTasks take no context. */
  private static final CallDepth EXCLUDED_SUBMISSION = CallDepth.forFamily("executors-excluded-submission");

  private static volatile Set<String> excluded = Collections.emptySet();

  private ContextHandOff() {}

  static void exclude(Set<String> executorClassNames) {
    excluded = Collections.unmodifiableSet(new HashSet<>(executorClassNames));
  }

  /** {@code Executor.execute(task)}: the task to hand over instead. */
  public static Runnable wrapExecuted(Object executor, Runnable task) {
    Context context = Context.current();
    if (context.isRoot() || task == null || task instanceof ContextRunnable || task instanceof FutureTask
        || isExcluded(executor) || isAgentTask(task)) {
      return task; // a FutureTask carries the context it was created in (see wrapFutureTask)
    }
    return context.wrap(task);
  }

  /** {@code new FutureTask(runnable, result)}, also what submit, invokeAll and schedule create. */
  public static Runnable wrapFutureTask(Runnable task) {
    Context context = Context.current();
    if (context.isRoot() || task == null || task instanceof ContextRunnable || isAgentTask(task)
        || inExcludedSubmission()) {
      return task;
    }
    return context.wrap(task);
  }

  /** {@code new FutureTask(callable)}. */
  public static <V> Callable<V> wrapFutureTask(Callable<V> task) {
    Context context = Context.current();
    if (context.isRoot() || task == null || task instanceof ContextCallable || isAgentTask(task)
        || inExcludedSubmission()) {
      return task;
    }
    return context.wrap(task);
  }

  /**
   * {@code new Thread(runnable)}, platform or virtual, made for one task by the application; not a worker
   * made by a thread factory, a pool or a library's own {@code Thread} subclass (the request that made a pool
   * grow or an event loop start would otherwise stay current on that thread for its whole life).
   */
  public static Runnable wrapThreadTask(Runnable task) {
    Context context = Context.current();
    if (context.isRoot() || task == null || task instanceof ContextRunnable || WORKER_CREATION.get() > 0
        || SUBCLASS_THREAD.get() > 0 || isAgentTask(task)) {
      return task;
    }
    return context.wrap(task);
  }

  /** Entering submit/invokeAll/invokeAny/schedule* of {@code executor}; true if it is excluded (then call {@link #excludedSubmissionEnds}). */
  public static boolean submissionStarts(Object executor) {
    if (isExcluded(executor)) {
      EXCLUDED_SUBMISSION.getAndIncrement();
      return true;
    }
    return false;
  }

  public static void excludedSubmissionEnds() {
    EXCLUDED_SUBMISSION.decrementAndGet();
  }

  private static boolean inExcludedSubmission() {
    return !excluded.isEmpty() && EXCLUDED_SUBMISSION.get() > 0;
  }

  /** A thread factory or a pool starts making a worker thread (then call {@link #workerCreationEnds}). */
  public static void workerCreationStarts() {
    WORKER_CREATION.getAndIncrement();
  }

  public static void workerCreationEnds() {
    WORKER_CREATION.decrementAndGet();
  }

  /** A {@code Thread} subclass's constructor starts: the thread it makes takes no context. */
  public static void subclassThreadStarts() {
    if (SUBCLASS_THREAD.get() == 0) {
      SUBCLASS_THREAD.getAndIncrement();
    }
  }

  /** {@code Thread}'s constructor returns: the next thread made on this thread is judged afresh. */
  public static void threadConstructed() {
    SUBCLASS_THREAD.decrementAndGet();
  }

  /** A {@code ForkJoinTask} is forked or submitted to {@code pool} (null for fork). */
  public static void attach(ForkJoinPool pool, Object task) {
    Context context = Context.current();
    if (context.isRoot() || (pool != null && (isExcluded(pool) || isVirtualThreadScheduler(pool)))) {
      return;
    }
    TaskContexts.attach(task, context);
  }

  /** The submission was rejected or the task cancelled: it will not run, forget its context. */
  public static void forget(Object task) {
    TaskContexts.take(task);
  }

  /** A {@code ForkJoinTask} starts executing: makes its context current; the returned scope, or null, goes to {@link #end}. */
  public static Scope start(Object task) {
    Context context = TaskContexts.take(task);
    return context == null ? null : context.makeCurrent();
  }

  public static void end(Object scope) {
    if (scope instanceof Scope) {
      ((Scope) scope).close();
    }
  }

  private static boolean isExcluded(Object executor) {
    Set<String> names = excluded;
    return !names.isEmpty() && executor != null && names.contains(executor.getClass().getName());
  }

  /** The agent's own threads and tasks (exporter) never take the application's context. */
  private static boolean isAgentTask(Object task) {
    ClassLoader loader = loaderOf(task.getClass());
    return loader != null && loader == AgentLauncher.agentClassLoader();
  }

  /**
   * Under a SecurityManager, asking for another loader's class loader needs a permission the application
   * on the stack may lack: ask with the agent's permissions only.
   */
  private static ClassLoader loaderOf(final Class<?> c) {
    if (System.getSecurityManager() == null) {
      return c.getClassLoader();
    }
    return AccessController.doPrivileged(new PrivilegedAction<ClassLoader>() {
      @Override
      public ClassLoader run() {
        return c.getClassLoader();
      }
    });
  }

  /**
   * Virtual threads are scheduled as tasks on a ForkJoinPool of carrier threads; their context lives
   * in the virtual thread itself, so the carrier's submissions need none.
   */
  private static boolean isVirtualThreadScheduler(ForkJoinPool pool) {
    ForkJoinPool.ForkJoinWorkerThreadFactory factory = pool.getFactory();
    return factory != null && factory.getClass().getName().startsWith("java.lang.VirtualThread");
  }
}
