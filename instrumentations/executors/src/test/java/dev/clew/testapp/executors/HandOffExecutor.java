package dev.clew.testapp.executors;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * An application's own executor that hands tasks to its thread through a queue, not through a JDK
 * executor: only {@code otel.instrumentation.executors.include} makes its tasks take the context.
 */
public final class HandOffExecutor implements Executor, AutoCloseable {
  private final BlockingQueue<Runnable> queue = new LinkedBlockingQueue<>();
  private final Thread worker;

  public HandOffExecutor() {
    worker = new Thread(() -> {
      try {
        while (true) {
          queue.take().run();
        }
      } catch (InterruptedException stop) {
        // closed
      }
    }, "hand-off");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void execute(Runnable task) {
    queue.add(task);
  }

  @Override
  public void close() {
    worker.interrupt();
  }
}
