package com.acme.app;

import java.io.FileInputStream;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;

/**
 * An application run under a SecurityManager whose policy restricts it (it may not read files) while the
 * agent's jar has AllPermission, as Java 8-17 deployments configure it. Hands work to every kind of
 * executor inside a traced method; prints {@code restricted} when the policy holds, then {@code done}.
 */
public final class SecuredApp {
  @SuppressWarnings("removal") // the SecurityManager is what this application runs under
  public static void main(String[] args) throws Exception {
    if (System.getSecurityManager() == null) {
      throw new IllegalStateException("expected a security manager");
    }
    try (FileInputStream in = new FileInputStream("/etc/hostname")) {
      System.out.println("unrestricted " + in.available());
    } catch (SecurityException expected) {
      System.out.println("restricted");
    }
    new Work().run();
    System.out.println("done");
  }

  public static final class Work {
    public void run() throws Exception {
      ExecutorService pool = Executors.newFixedThreadPool(2);
      try {
        pool.submit(() -> task("submit")).get();
        CountDownLatch executed = new CountDownLatch(1);
        pool.execute(() -> {
          task("execute");
          executed.countDown();
        });
        executed.await();
        ForkJoinPool.commonPool().submit(() -> task("fork-join")).get();
        CompletableFuture.runAsync(() -> task("completable-future")).join();
        Thread t = new Thread(() -> task("new-thread"));
        t.start();
        t.join();
      } finally {
        pool.shutdown();
      }
    }

    public void task(String kind) {
      if (kind.isEmpty()) {
        throw new IllegalArgumentException();
      }
    }
  }
}
