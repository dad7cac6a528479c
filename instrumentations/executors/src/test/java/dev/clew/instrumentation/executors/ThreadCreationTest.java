package dev.clew.instrumentation.executors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.bootstrap.AdviceErrors;
import dev.clew.testapp.executors.LazyWorkerPool;
import dev.clew.testapp.executors.NamedThreadFactory;
import dev.clew.testing.AgentSpans;
import dev.clew.testing.TracedCode;
import io.grpc.netty.shaded.io.netty.channel.EventLoop;
import io.grpc.netty.shaded.io.netty.channel.EventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.MultiThreadIoEventLoopGroup;
import io.grpc.netty.shaded.io.netty.channel.nio.NioIoHandler;
import io.grpc.netty.shaded.io.netty.util.concurrent.FastThreadLocalThread;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Timer;
import java.util.TimerTask;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.utils.KafkaThread;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Threads created while a request's span is current. A thread the application creates for a task runs that task
 * in the request's span; a worker that a pool, a thread factory or an event loop starts lazily, because the
 * request happened to be the first to need one, does not keep that span: work started there later without a
 * parent begins a new trace, while each task handed to the pool still nests under whoever submitted it.
 * The "request" is a span of {@link TracedCode}; every check reads the exported spans' parents.
 */
class ThreadCreationTest {
  /** The span a request ran in. */
  private record Request(String traceId, String spanId) {}

  @BeforeEach
  void clear() {
    AgentSpans.clear();
  }

  @AfterEach
  void noAdviceErrors() {
    assertEquals(0, AdviceErrors.count(), "advice threw");
    assertNull(TracedCode.spanId(), "the test thread keeps a span");
  }

  @Test
  void nettyEventLoopStartedInARequest() throws Exception {
    // the NIO event loop of Netty 4.2, as gRPC's transport uses it; its thread starts with the first task
    EventLoopGroup group = new MultiThreadIoEventLoopGroup(1, NioIoHandler.newFactory());
    try {
      EventLoop loop = group.next();
      // the first task makes the event loop start its thread, inside the request
      Thread worker = assertTaskNestsUnderItsSubmitter(loop).worker;
      assertTrue(loop.inEventLoop(worker), "the task did not run on the event loop");
      assertWorkerStartsNewTraces(loop, worker);
    } finally {
      group.shutdownGracefully(0, 0, TimeUnit.SECONDS).await(10, TimeUnit.SECONDS);
    }
  }

  @Test
  void cachedThreadPoolGrowingInARequest() throws Exception {
    ExecutorService pool = Executors.newCachedThreadPool();
    try {
      Thread worker = assertTaskNestsUnderItsSubmitter(pool).worker;
      awaitIdle(worker);
      assertWorkerStartsNewTraces(pool, worker);
      assertTaskNestsUnderItsSubmitter(pool);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void poolsOfTheirOwnGrowingThroughAThreadFactory() throws Exception {
    // Executors.defaultThreadFactory() and an application's factory class, in a pool that is no ThreadPoolExecutor
    for (ThreadFactory factory : new ThreadFactory[] {Executors.defaultThreadFactory(), new NamedThreadFactory("own")}) {
      try (LazyWorkerPool pool = new LazyWorkerPool(factory)) {
        Thread worker = assertTaskNestsUnderItsSubmitter(pool).worker;
        assertWorkerStartsNewTraces(pool, worker);
        assertTaskNestsUnderItsSubmitter(pool);
      }
    }
  }

  @Test
  void jdkPoolsWithACustomThreadFactoryGrowingInARequest() throws Exception {
    // a lambda factory cannot be instrumented: the pool's own worker creation (addWorker) is what keeps it clean
    ThreadFactory lambda = task -> new Thread(task, "lambda-made");
    List<ExecutorService> pools = new ArrayList<>();
    pools.add(new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), lambda));
    pools.add(new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), new NamedThreadFactory("tpe")));
    pools.add(new ScheduledThreadPoolExecutor(1, new NamedThreadFactory("scheduled")));
    pools.add(new ForkJoinPool(1));
    try {
      for (ExecutorService pool : pools) {
        Thread worker = assertTaskNestsUnderItsSubmitter(pool).worker;
        assertWorkerStartsNewTraces(pool, worker);
        assertTaskNestsUnderItsSubmitter(pool);
      }
    } finally {
      pools.forEach(ExecutorService::shutdownNow);
    }
  }

  @Test
  void librariesOwnThreadClassesCreatedDirectlyInARequest() throws Exception {
    // no thread factory to see (a lambda cannot be instrumented): the thread's class is the library's
    ThreadFactory[] direct = {FastThreadLocalThread::new, task -> new KafkaThread("kafka-producer-network-thread", task, true)};
    for (ThreadFactory makeWorker : direct) {
      try (LazyWorkerPool pool = new LazyWorkerPool(makeWorker)) {
        Thread worker = assertTaskNestsUnderItsSubmitter(pool).worker;
        assertWorkerStartsNewTraces(pool, worker);
      }
    }
  }

  @Test
  void timerThreadCreatedInARequest() throws Exception {
    Timer[] timer = new Timer[1];
    TracedCode.run(() -> timer[0] = new Timer("timer", true));
    try {
      Executor onTimer = task -> timer[0].schedule(new TimerTask() {
        @Override
        public void run() {
          task.run();
        }
      }, 0);
      assertWorkerStartsNewTraces(onTimer, null);
    } finally {
      timer[0].cancel();
    }
  }

  @Test
  void newThreadInARequestRunsInIt() throws Exception {
    Executor newThread = task -> new Thread(task).start();
    assertTaskNestsUnderItsSubmitter(newThread);
    Executor newNamedThread = task -> new Thread(null, task, "named").start();
    assertTaskNestsUnderItsSubmitter(newNamedThread);
    String[] outside = runOn(newThread, () -> new String[] {TracedCode.spanId(), TracedCode.call(TracedCode::spanId)});
    assertNull(outside[0]);
    assertEquals("", AgentSpans.parentSpanId(exported(outside[1])));
  }

  @Test
  void virtualThreadsRunInTheirCreatorsContext() throws Exception {
    if (Runtime.version().feature() < 21) {
      return; // run by the java25 surefire execution
    }
    Class<?> builder = Class.forName("java.lang.Thread$Builder"); // the builders' classes are not public
    ThreadFactory virtualFactory = (ThreadFactory) builder.getMethod("factory").invoke(Thread.class.getMethod("ofVirtual").invoke(null));
    // Thread.ofVirtual().factory(): a thread per task, in the context of the code that asks for it
    assertTaskNestsUnderItsSubmitter(task -> virtualFactory.newThread(task).start());
    Object ofPlatform = Thread.class.getMethod("ofPlatform").invoke(null);
    Executor platformBuilder = task -> invoke(builder, ofPlatform, "start", task);
    assertTaskNestsUnderItsSubmitter(platformBuilder);
    // Thread.ofPlatform().factory() is a thread factory like any other: its threads are workers
    try (LazyWorkerPool pool = new LazyWorkerPool((ThreadFactory) builder.getMethod("factory").invoke(ofPlatform))) {
      Thread worker = assertTaskNestsUnderItsSubmitter(pool).worker;
      assertWorkerStartsNewTraces(pool, worker);
    }

    ExecutorService perVirtualThread = (ExecutorService) Executors.class.getMethod("newVirtualThreadPerTaskExecutor").invoke(null);
    // thread per task through a platform factory: the factory's threads take no context, the executor hands it to each task
    ExecutorService perPlatformThread = (ExecutorService) Executors.class.getMethod("newThreadPerTaskExecutor", ThreadFactory.class)
        .invoke(null, new NamedThreadFactory("per-task"));
    try {
      for (ExecutorService perTask : new ExecutorService[] {perVirtualThread, perPlatformThread}) {
        assertTaskNestsUnderItsSubmitter(perTask);
        String[] submitted = TracedCode.call(() -> new String[] {TracedCode.spanId(),
            perTask.submit(() -> TracedCode.call(TracedCode::spanId)).get(10, TimeUnit.SECONDS)});
        assertEquals(submitted[0], AgentSpans.parentSpanId(exported(submitted[1])), "submit on " + perTask);
        String[] outside = runOn(perTask, () -> new String[] {TracedCode.spanId(), TracedCode.call(TracedCode::spanId)});
        assertNull(outside[0]);
        assertEquals("", AgentSpans.parentSpanId(exported(outside[1])));
      }
    } finally {
      perVirtualThread.shutdownNow();
      perPlatformThread.shutdownNow();
    }

    // a pool whose workers are virtual threads: the workers still belong to the pool
    ExecutorService virtualWorkers = new ThreadPoolExecutor(1, 1, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), virtualFactory);
    try {
      Thread worker = assertTaskNestsUnderItsSubmitter(virtualWorkers).worker;
      assertWorkerStartsNewTraces(virtualWorkers, worker);
    } finally {
      virtualWorkers.shutdownNow();
    }
  }

  /** What one task saw and started. */
  private record Seen(Thread worker, String current, String started) {}

  /**
   * In a request, hands {@code executor} a task that starts a span, and checks that span is a child of the
   * request's; returns what the task saw (the first such task is what makes a lazy pool create its worker).
   */
  private static Seen assertTaskNestsUnderItsSubmitter(Executor executor) throws Exception {
    Object[] r = TracedCode.call(() -> new Object[] {new Request(TracedCode.traceId(), TracedCode.spanId()),
        runOn(executor, ThreadCreationTest::startSpan)});
    Request request = (Request) r[0];
    Seen seen = (Seen) r[1];
    assertNotNull(request.spanId, "method tracing of TracedCode is not active");
    assertEquals(request.spanId, seen.current, "the task did not run in its submitter's span on " + executor);
    Span started = exported(seen.started);
    assertEquals(request.traceId, AgentSpans.traceId(started));
    assertEquals(request.spanId, AgentSpans.parentSpanId(started), "not a child of the submitter on " + executor);
    return seen;
  }

  /**
   * Outside any span, runs a task on {@code executor} that starts a span, and checks it ran on {@code worker} (the
   * thread created inside a request; null: any thread), saw no span, and that the span it started is the root of a
   * new trace.
   */
  private static void assertWorkerStartsNewTraces(Executor executor, Thread worker) throws Exception {
    Seen seen = runOn(executor, ThreadCreationTest::startSpan);
    assertNull(seen.current, seen.worker + " kept the span of the request that created it");
    assertEquals("", AgentSpans.parentSpanId(exported(seen.started)), "a span started on " + seen.worker + " got a stale parent");
    if (worker != null) {
      assertSame(worker, seen.worker, "the task did not run on the thread created in the request");
    }
  }

  /**
   * Until the worker waits for work: it has just handed over its last result and may still be finishing, and a
   * cached pool given a task meanwhile makes another thread (and prefers that one from then on).
   */
  private static void awaitIdle(Thread worker) throws InterruptedException {
    for (int i = 0; i < 1000; i++) {
      Thread.State state = worker.getState();
      if (state == Thread.State.WAITING || state == Thread.State.TIMED_WAITING) {
        return;
      }
      Thread.sleep(10);
    }
    throw new AssertionError(worker + " never waited for work");
  }

  private static Seen startSpan() throws Exception {
    String current = TracedCode.spanId();
    return new Seen(Thread.currentThread(), current, TracedCode.call(TracedCode::spanId));
  }

  private static <T> T runOn(Executor executor, Callable<T> task) throws Exception {
    CompletableFuture<T> result = new CompletableFuture<>();
    executor.execute(() -> {
      try {
        result.complete(task.call());
      } catch (Throwable t) {
        result.completeExceptionally(t);
      }
    });
    return result.get(10, TimeUnit.SECONDS);
  }

  /** The exported span with this id (spans are exported when they end, maybe just after the task returned). */
  private static Span exported(String spanId) throws InterruptedException {
    assertNotNull(spanId, "no span was started");
    for (int attempt = 0; attempt < 500; attempt++) {
      for (Span s : AgentSpans.awaitSpans(0, Duration.ZERO)) {
        if (AgentSpans.spanId(s).equals(spanId)) {
          return s;
        }
      }
      Thread.sleep(20);
    }
    throw new AssertionError("span " + spanId + " was not exported");
  }

  private static void invoke(Class<?> type, Object target, String method, Runnable task) {
    try {
      type.getMethod(method, Runnable.class).invoke(target, task);
    } catch (ReflectiveOperationException e) {
      throw new AssertionError(e);
    }
  }
}
