package dev.clew.testapp.executors;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;

/**
 * A pool of its own, not a ThreadPoolExecutor, that starts its one worker through a ThreadFactory when the first
 * task arrives, as event loops and many libraries' pools do: whatever request submits first makes the worker
 * start. Named in {@code otel.instrumentation.executors.include}, so its tasks take their submitter's context.
 */
public final class LazyWorkerPool implements Executor, AutoCloseable {
  private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final ThreadFactory factory;
  private Thread worker;

  public LazyWorkerPool(ThreadFactory factory) {
    this.factory = factory;
  }

  @Override
  public synchronized void execute(Runnable task) {
    if (worker == null) {
      worker = factory.newThread(this::work);
      worker.setDaemon(true);
      worker.start();
    }
    queue.add(task);
  }

  private void work() {
    try {
      while (true) {
        queue.take().run();
      }
    } catch (InterruptedException stop) {
      // closed
    }
  }

  @Override
  public synchronized void close() {
    if (worker != null) {
      worker.interrupt();
    }
  }
}
