package dev.clew.testing;

import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Launches an application in a child JVM with the clew agent attached, as a user would: {@code -javaagent}
 * on the shaded jar named by the system property {@code clew.agent.jar} (integration tests), or else the
 * same bootstrap jar and exploded agent class path this JVM runs with (instrumentation module tests).
 * The JDK is {@code clew.test.java.home} when set, else this JVM's. {@code OTEL_*} and {@code CLEW_*}
 * variables of this process are not inherited: a test's configuration is what it sets.
 */
public final class AgentJvm {
  private final String mainClass;
  private final List<String> args = new ArrayList<>();
  private final Map<String, String> properties = new LinkedHashMap<>();
  private final Map<String, String> env = new LinkedHashMap<>();
  private final List<String> jvmArgs = new ArrayList<>();
  private String classpath = applicationClasspath();
  private String javaHome = System.getProperty("clew.test.java.home", System.getProperty("java.home"));
  private boolean agent = true;

  private AgentJvm(String mainClass) {
    this.mainClass = mainClass;
  }

  public static AgentJvm main(Class<?> mainClass) {
    return new AgentJvm(mainClass.getName());
  }

  public static AgentJvm main(String mainClass) {
    return new AgentJvm(mainClass);
  }

  /** {@code java -jar clew-agent.jar ARGS}: the agent jar's command-line tools, without the agent attached. */
  public static AgentJvm cli(String... args) {
    AgentJvm jvm = new AgentJvm(null);
    jvm.agent = false;
    return jvm.args(args);
  }

  public AgentJvm args(String... values) {
    args.addAll(List.of(values));
    return this;
  }

  /** A system property of the child JVM, e.g. agent configuration {@code otel.service.name}. */
  public AgentJvm property(String key, String value) {
    properties.put(key, value);
    return this;
  }

  public AgentJvm env(String key, String value) {
    env.put(key, value);
    return this;
  }

  public AgentJvm jvmArg(String arg) {
    jvmArgs.add(arg);
    return this;
  }

  public AgentJvm classpath(String cp) {
    this.classpath = cp;
    return this;
  }

  public AgentJvm javaHome(String home) {
    this.javaHome = home;
    return this;
  }

  /** Runs the application without the agent, for comparison. */
  public AgentJvm withoutAgent() {
    this.agent = false;
    return this;
  }

  /**
   * This JVM's class path without the agent's own parts (bootstrap, core, shaded jar): an application
   * launched with it sees the agent only the way a real application does, through -javaagent.
   */
  public static String applicationClasspath() {
    StringBuilder sb = new StringBuilder();
    for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
      String e = entry.replace('\\', '/');
      if (e.contains("/agent-bootstrap") || e.contains("/agent-core") || e.contains("/agent-shadow")
          || e.contains("/instrumentations/") || e.contains("/instrumentation-")) {
        continue;
      }
      if (sb.length() > 0) {
        sb.append(File.pathSeparator);
      }
      sb.append(entry);
    }
    return sb.toString();
  }

  /** The JVM arguments that attach the agent the way this JVM has it attached (or the shaded jar). */
  public static List<String> agentArguments() {
    List<String> out = new ArrayList<>();
    if (System.getProperty("clew.agent.jar") != null) {
      out.add("-javaagent:" + agentJar());
      return out;
    }
    for (String a : ManagementFactory.getRuntimeMXBean().getInputArguments()) {
      if (a.startsWith("-javaagent:") && a.contains("agent-bootstrap") || a.startsWith("-Dclew.agent.classpath=")) {
        out.add(a);
      }
    }
    if (out.isEmpty()) {
      throw new IllegalStateException("no agent to attach: set clew.agent.jar or run with the test agent");
    }
    return out;
  }

  /** The shaded agent jar named by {@code clew.agent.jar} (integration tests). */
  public static String agentJar() {
    String jar = System.getProperty("clew.agent.jar");
    if (jar == null || !new File(jar).isFile()) {
      throw new IllegalStateException("clew.agent.jar does not exist: " + jar + " (build agent-shadow first)");
    }
    return jar;
  }

  public List<String> command() {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(javaHome, "bin", "java").toString());
    cmd.add("-Xshare:auto");
    cmd.add("-XX:TieredStopAtLevel=1");
    cmd.add("-Xmx256m");
    if (agent) {
      cmd.addAll(agentArguments());
    }
    cmd.addAll(jvmArgs);
    for (Map.Entry<String, String> p : properties.entrySet()) {
      cmd.add("-D" + p.getKey() + "=" + p.getValue());
    }
    if (mainClass == null) {
      cmd.add("-jar");
      cmd.add(agentJar());
    } else {
      cmd.add("-cp");
      cmd.add(classpath);
      cmd.add(mainClass);
    }
    cmd.addAll(args);
    return cmd;
  }

  /** Starts the JVM; its output goes to files that {@link Running} reads. */
  public Running start() throws IOException {
    Path out = Files.createTempFile("clew-jvm", ".out");
    Path err = Files.createTempFile("clew-jvm", ".err");
    ProcessBuilder pb = new ProcessBuilder(command());
    pb.environment().keySet().removeIf(k -> k.startsWith("OTEL_") || k.startsWith("CLEW_"));
    pb.environment().putAll(env);
    pb.redirectOutput(out.toFile());
    pb.redirectError(err.toFile());
    return new Running(pb.start(), out, err);
  }

  /** Runs to completion (killing it after the timeout) and returns what it printed. */
  public Result run(Duration timeout) throws IOException, InterruptedException {
    try (Running r = start()) {
      return r.await(timeout);
    }
  }

  /** What a finished JVM printed and returned. */
  public record Result(int exitCode, String stdout, String stderr) {
    @Override
    public String toString() {
      return "exit=" + exitCode + "\n--- stdout ---\n" + stdout + "\n--- stderr ---\n" + stderr;
    }
  }

  /** A JVM that is running; close() kills it if it is still alive. */
  public static final class Running implements AutoCloseable {
    private final Process process;
    private final Path out;
    private final Path err;

    Running(Process process, Path out, Path err) {
      this.process = process;
      this.out = out;
      this.err = err;
    }

    public String stdout() {
      return read(out);
    }

    public String stderr() {
      return read(err);
    }

    /** Waits until stdout contains {@code text}; fails with the output so far when it does not in time. */
    public void awaitOutput(String text, Duration timeout) throws InterruptedException {
      long deadline = System.nanoTime() + timeout.toNanos();
      while (System.nanoTime() < deadline) {
        if (stdout().contains(text)) {
          return;
        }
        if (!process.isAlive()) {
          break;
        }
        Thread.sleep(50);
      }
      throw new AssertionError("child JVM did not print '" + text + "'\n--- stdout ---\n" + stdout()
          + "\n--- stderr ---\n" + stderr());
    }

    public Result await(Duration timeout) throws InterruptedException {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly().waitFor();
        throw new AssertionError("child JVM did not finish in " + timeout + "\n--- stdout ---\n" + stdout()
            + "\n--- stderr ---\n" + stderr());
      }
      return new Result(process.exitValue(), stdout(), stderr());
    }

    /** Asks the JVM to exit (SIGTERM, so shutdown hooks run) and waits for it. */
    public Result stop(Duration timeout) throws InterruptedException {
      process.destroy();
      return await(timeout);
    }

    public Process process() {
      return process;
    }

    @Override
    public void close() {
      if (process.isAlive()) {
        process.destroyForcibly();
      }
      try {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      } catch (IOException ignored) {
        // temp files: best effort
      }
    }

    private static String read(Path p) {
      try {
        return Files.readString(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        return "";
      }
    }
  }
}
