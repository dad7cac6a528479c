package dev.clew.benchmarks.overhead;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * The load generator, in a JVM of its own so the application's JVM does nothing but serve. It reads
 * one command per line on standard input and answers one {@code result ...} line on standard output:
 * <ul>
 *   <li>{@code closed HOST PORT PATH CONNECTIONS SECONDS}: a closed loop, each connection sends its next
 *       request as soon as the previous answer is in (throughput at fixed concurrency);</li>
 *   <li>{@code open HOST PORT PATH CONNECTIONS RATE SECONDS}: an open loop at RATE requests per second.
 *       Request k is due at {@code start + k / RATE}; its latency is measured from that due time, not from
 *       when a connection got round to sending it, so a stalled server is charged for the requests it
 *       kept waiting (no coordinated omission).</li>
 * </ul>
 * Latencies are kept exactly (one long per request) and reported in microseconds.
 */
public final class LoadGenerator {
  private LoadGenerator() {}

  public static void main(String[] args) throws Exception {
    BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
    String command;
    while ((command = commands.readLine()) != null) {
      String[] w = command.trim().split(" ");
      if (w[0].equals("quit")) {
        return;
      }
      Result r;
      if (w[0].equals("closed")) {
        r = run(w[1], Integer.parseInt(w[2]), w[3], Integer.parseInt(w[4]), 0, Double.parseDouble(w[5]));
      } else if (w[0].equals("open")) {
        r = run(w[1], Integer.parseInt(w[2]), w[3], Integer.parseInt(w[4]), Double.parseDouble(w[5]),
            Double.parseDouble(w[6]));
      } else {
        System.out.println("error unknown command: " + command);
        continue;
      }
      System.out.println(r);
      System.out.flush();
    }
  }

  /** {@code rate} 0 means a closed loop. */
  static Result run(String host, int port, String path, int connections, double rate, double seconds)
      throws InterruptedException {
    Worker[] workers = new Worker[connections];
    CountDownLatch go = new CountDownLatch(1);
    AtomicLong next = new AtomicLong();
    long periodNanos = rate > 0 ? Math.round(1e9 / rate) : 0;
    long durationNanos = (long) (seconds * 1e9);
    long[] start = new long[1];
    for (int i = 0; i < connections; i++) {
      workers[i] = new Worker(new HttpConnection(host, port, path, 5000), go, next, periodNanos, start,
          durationNanos);
      workers[i].setName("load-" + i);
      workers[i].start();
    }
    long startMillis = System.currentTimeMillis();
    start[0] = System.nanoTime();
    go.countDown();
    for (Worker w : workers) {
      w.join();
    }
    long endMillis = System.currentTimeMillis();
    long elapsed = System.nanoTime() - start[0];
    int total = 0;
    long errors = 0;
    for (Worker w : workers) {
      total += w.count;
      errors += w.errors;
    }
    long[] all = new long[total];
    int at = 0;
    for (Worker w : workers) {
      System.arraycopy(w.latencies, 0, all, at, w.count);
      at += w.count;
    }
    Arrays.sort(all);
    return new Result(total, errors, startMillis, endMillis, elapsed, all);
  }

  private static final class Worker extends Thread {
    private final HttpConnection connection;
    private final CountDownLatch go;
    private final AtomicLong next;
    private final long periodNanos;
    private final long[] start;
    private final long durationNanos;
    long[] latencies = new long[1 << 14];
    int count;
    long errors;

    Worker(HttpConnection connection, CountDownLatch go, AtomicLong next, long periodNanos, long[] start,
        long durationNanos) {
      this.connection = connection;
      this.go = go;
      this.next = next;
      this.periodNanos = periodNanos;
      this.start = start;
      this.durationNanos = durationNanos;
      setDaemon(true);
    }

    @Override
    public void run() {
      try {
        go.await();
      } catch (InterruptedException e) {
        return;
      }
      long begin = start[0];
      long end = begin + durationNanos;
      while (true) {
        long due;
        if (periodNanos > 0) {
          due = begin + next.getAndIncrement() * periodNanos;
          if (due >= end) {
            break;
          }
          long wait;
          while ((wait = due - System.nanoTime()) > 0) {
            LockSupport.parkNanos(wait);
          }
        } else {
          due = System.nanoTime();
          if (due >= end) {
            break;
          }
        }
        boolean ok;
        try {
          ok = connection.get() == 200;
        } catch (IOException e) {
          connection.close();
          ok = false;
          LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
        if (ok) {
          record(System.nanoTime() - due);
        } else {
          errors++;
        }
      }
      connection.close();
    }

    private void record(long nanos) {
      if (count == latencies.length) {
        latencies = Arrays.copyOf(latencies, count * 2);
      }
      latencies[count++] = nanos / 1000;
    }
  }

  /** What one load phase measured; latencies in microseconds, sorted. */
  static final class Result {
    final int requests;
    final long errors;
    final long startMillis;
    final long endMillis;
    final long elapsedNanos;
    final long[] sortedMicros;

    Result(int requests, long errors, long startMillis, long endMillis, long elapsedNanos, long[] sortedMicros) {
      this.requests = requests;
      this.errors = errors;
      this.startMillis = startMillis;
      this.endMillis = endMillis;
      this.elapsedNanos = elapsedNanos;
      this.sortedMicros = sortedMicros;
    }

    long percentile(double p) {
      if (sortedMicros.length == 0) {
        return -1;
      }
      int i = (int) Math.ceil(p / 100 * sortedMicros.length) - 1;
      return sortedMicros[Math.max(0, Math.min(i, sortedMicros.length - 1))];
    }

    @Override
    public String toString() {
      return "result requests=" + requests + " errors=" + errors + " startMillis=" + startMillis
          + " endMillis=" + endMillis + " elapsedNanos=" + elapsedNanos + " p50=" + percentile(50)
          + " p90=" + percentile(90) + " p99=" + percentile(99) + " p999=" + percentile(99.9)
          + " max=" + percentile(100);
    }
  }
}
