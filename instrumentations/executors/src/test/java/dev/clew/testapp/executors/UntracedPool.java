package dev.clew.testapp.executors;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/** A pool named in {@code clew.executors.exclude}: its tasks never take the submitter's context. */
public final class UntracedPool extends ThreadPoolExecutor {
  public UntracedPool() {
    super(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>());
  }
}
