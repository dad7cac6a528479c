package dev.clew.benchmarks.overhead;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Talks to the {@link LoadGenerator} JVM: one command line out, one result line back. */
final class LoadDriver implements AutoCloseable {
  private final Process process;
  private final PrintWriter commands;
  private final BufferedReader results;
  private final Path log;

  LoadDriver(String java, Path log) throws IOException {
    this.log = log;
    ProcessBuilder pb = new ProcessBuilder(java, "-Xms128m", "-Xmx128m", "-XX:+UseSerialGC",
        "-cp", System.getProperty("java.class.path"), LoadGenerator.class.getName());
    pb.redirectError(log.toFile());
    process = pb.start();
    commands = new PrintWriter(process.getOutputStream(), true, StandardCharsets.UTF_8);
    results = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
  }

  /** A closed loop of {@code connections} for {@code seconds}. */
  Map<String, Long> closed(int port, String path, int connections, double seconds) throws IOException {
    return send(String.format(Locale.ROOT, "closed 127.0.0.1 %d %s %d %.3f", port, path, connections, seconds));
  }

  /** An open loop at {@code rate} requests per second for {@code seconds}. */
  Map<String, Long> open(int port, String path, int connections, double rate, double seconds) throws IOException {
    return send(String.format(Locale.ROOT, "open 127.0.0.1 %d %s %d %.3f %.3f", port, path, connections, rate,
        seconds));
  }

  private Map<String, Long> send(String command) throws IOException {
    commands.println(command);
    String line = results.readLine();
    if (line == null || !line.startsWith("result ")) {
      throw new IOException("the load generator answered " + line + " to " + command + "; see " + log);
    }
    Map<String, Long> values = new HashMap<>();
    for (String kv : List.of(line.substring("result ".length()).split(" "))) {
      int eq = kv.indexOf('=');
      values.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
    }
    return values;
  }

  @Override
  public void close() throws InterruptedException {
    commands.println("quit");
    if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
      process.destroyForcibly();
    }
  }
}
