package dev.clew.testing.kafka;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real single-node Kafka broker in KRaft mode (broker and controller in one process) on 127.0.0.1,
 * run as a child JVM from the Maven Central artifacts {@code org.apache.kafka:kafka_2.13}. A child JVM,
 * not in-process: the broker brings its own kafka-clients (which must not meet the version under test)
 * and must not be instrumented by the agent attached to the test JVM.
 *
 * <p>Topic auto-creation is off by default: tests create their topics (with an admin client) before
 * consumers subscribe ({@link #createTopics}, or an admin client), because a consumer subscribed to a
 * missing topic waits for the next metadata refresh (minutes). {@link #start} returns once the broker's port accepts connections; the first admin
 * request may still wait a moment for the broker to finish starting, so use the client's own timeouts.
 */
public final class KafkaBroker implements AutoCloseable {
  /** System property overriding the broker class path written into this jar at build time. */
  public static final String CLASSPATH_PROPERTY = "clew.kafka.broker.classpath";

  private static KafkaBroker shared;

  private final Path dir;
  private final int port;
  private final Process process;

  private KafkaBroker(Path dir, int port, Process process) {
    this.dir = dir;
    this.port = port;
    this.process = process;
  }

  /** One broker per JVM, started on first use and stopped when the JVM exits; for test classes to share. */
  public static synchronized KafkaBroker shared() {
    if (shared == null || !shared.process.isAlive()) {
      KafkaBroker broker = start(Map.of());
      Runtime.getRuntime().addShutdownHook(new Thread(broker::close, "kafka-broker-stop"));
      shared = broker;
    }
    return shared;
  }

  /** Formats a fresh storage directory and starts a broker; {@code overrides} are extra server properties. */
  public static KafkaBroker start(Map<String, String> overrides) {
    try {
      Path dir = Files.createTempDirectory("clew-kafka-");
      Socket[] held = holdFreePorts(2);
      try {
        return start(dir, held[0].getLocalPort(), held[1].getLocalPort(), overrides);
      } finally {
        for (Socket s : held) {
          s.close();
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static KafkaBroker start(Path dir, int port, int controllerPort, Map<String, String> overrides) {
    try {
      Map<String, String> props = new LinkedHashMap<>();
      props.put("process.roles", "broker,controller");
      props.put("node.id", "1");
      props.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
      props.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
      props.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
      props.put("controller.listener.names", "CONTROLLER");
      props.put("inter.broker.listener.name", "PLAINTEXT");
      props.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
      props.put("log.dirs", dir.resolve("data").toString());
      props.put("auto.create.topics.enable", "false");
      props.put("num.partitions", "1");
      props.put("offsets.topic.replication.factor", "1");
      props.put("offsets.topic.num.partitions", "1");
      props.put("transaction.state.log.replication.factor", "1");
      props.put("transaction.state.log.min.isr", "1");
      props.put("share.coordinator.state.topic.replication.factor", "1");
      props.put("share.coordinator.state.topic.min.isr", "1");
      props.put("group.initial.rebalance.delay.ms", "0");
      props.putAll(overrides);
      Path config = dir.resolve("server.properties");
      StringBuilder text = new StringBuilder();
      props.forEach((k, v) -> text.append(k).append('=').append(v.replace("\\", "\\\\")).append('\n'));
      Files.writeString(config, text);

      String classpath = brokerClasspath();
      Path formatLog = dir.resolve("format.log");
      Process format = java(classpath, formatLog, "kafka.tools.StorageTool", "format", "-t", clusterId(), "-c",
          config.toString());
      if (!format.waitFor(120, TimeUnit.SECONDS) || format.exitValue() != 0) {
        format.destroyForcibly();
        throw new IllegalStateException("formatting the Kafka storage failed:\n" + tail(formatLog));
      }
      Path log = dir.resolve("broker.log");
      Process process = java(classpath, log, "kafka.Kafka", config.toString());
      KafkaBroker broker = new KafkaBroker(dir, port, process);
      broker.awaitPort(log);
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Creates topics (replication factor 1) and returns when the broker has them; runs Kafka's admin client in
   * a child JVM, so it works from tests without kafka-clients on their class path (e.g. two-JVM tests).
   */
  public void createTopics(int partitions, String... topics) {
    try {
      String self = Path.of(KafkaBroker.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
      Path log = Files.createTempFile(dir, "create-topics-", ".log");
      List<String> args = new ArrayList<>(List.of(bootstrapServers(), String.valueOf(partitions)));
      args.addAll(List.of(topics));
      Process p = java(brokerClasspath() + File.pathSeparator + self, log, CreateTopics.class.getName(),
          args.toArray(new String[0]));
      if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
        p.destroyForcibly();
        throw new IllegalStateException("creating topics " + List.of(topics) + " failed:\n" + tail(log));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (java.net.URISyntaxException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code 127.0.0.1:port}, for {@code bootstrap.servers}. */
  public String bootstrapServers() {
    return "127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** Stops the broker process and deletes its data. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
    } catch (IOException ignored) {
      // a temp directory left behind is harmless
    }
  }

  private void awaitPort(Path log) throws InterruptedException {
    long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new IllegalStateException("the Kafka broker exited with " + process.exitValue() + ":\n" + tail(log));
      }
      try (Socket s = new Socket()) {
        s.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException notYet) {
        Thread.sleep(100);
      }
    }
    close();
    throw new IllegalStateException("the Kafka broker did not open port " + port + " within 120 s:\n" + tail(log));
  }

  private static Process java(String classpath, Path output, String mainClass, String... args) throws IOException {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xmx512m");
    command.add("-XX:+UseSerialGC");
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-Djava.awt.headless=true");
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
    pb.environment().remove("JAVA_TOOL_OPTIONS"); // never attach an agent the test JVM may have been given
    return pb.start();
  }

  private static String brokerClasspath() throws IOException {
    String override = System.getProperty(CLASSPATH_PROPERTY);
    if (override != null && !override.isBlank()) {
      return override.trim();
    }
    try (InputStream in = KafkaBroker.class.getResourceAsStream("broker.classpath")) {
      if (in == null) {
        throw new IllegalStateException("broker.classpath is missing from clew-testing-kafka; build that module "
            + "(or set -D" + CLASSPATH_PROPERTY + ")");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }

  /**
   * A random cluster id in Kafka's form: 16 bytes, URL-safe base64 without padding, never starting with '-'
   * (the storage tool would read it as an option, as Kafka's own Uuid.randomUuid() avoids too).
   */
  private static String clusterId() {
    while (true) {
      UUID u = UUID.randomUUID();
      ByteBuffer b = ByteBuffer.allocate(16).putLong(u.getMostSignificantBits()).putLong(u.getLeastSignificantBits());
      String id = Base64.getUrlEncoder().withoutPadding().encodeToString(b.array());
      if (id.charAt(0) != '-') {
        return id;
      }
    }
  }

  /**
   * Distinct free ports, held until the broker listens: bound, not listening, with SO_REUSEADDR, so the OS
   * hands them to no one else who asks for a free port while the broker JVM starts (seconds on a busy
   * machine), and the broker, which binds them with SO_REUSEADDR too, still can.
   */
  private static Socket[] holdFreePorts(int n) throws IOException {
    Socket[] sockets = new Socket[n];
    try {
      for (int i = 0; i < n; i++) {
        sockets[i] = new Socket();
        sockets[i].setReuseAddress(true);
        sockets[i].bind(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0));
      }
      return sockets;
    } catch (IOException e) {
      for (Socket s : sockets) {
        if (s != null) {
          s.close();
        }
      }
      throw e;
    }
  }


  private static String tail(Path file) {
    try {
      List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    } catch (IOException e) {
      return "(no output: " + e + ")";
    }
  }
}
