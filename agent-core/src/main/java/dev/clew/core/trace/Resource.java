package dev.clew.core.trace;

import static dev.clew.core.semconv.SemanticAttributes.HOST_NAME;
import static dev.clew.core.semconv.SemanticAttributes.OS_TYPE;
import static dev.clew.core.semconv.SemanticAttributes.PROCESS_PID;
import static dev.clew.core.semconv.SemanticAttributes.PROCESS_RUNTIME_DESCRIPTION;
import static dev.clew.core.semconv.SemanticAttributes.PROCESS_RUNTIME_NAME;
import static dev.clew.core.semconv.SemanticAttributes.PROCESS_RUNTIME_VERSION;
import static dev.clew.core.semconv.SemanticAttributes.SERVICE_NAME;
import static dev.clew.core.semconv.SemanticAttributes.TELEMETRY_SDK_LANGUAGE;
import static dev.clew.core.semconv.SemanticAttributes.TELEMETRY_SDK_NAME;
import static dev.clew.core.semconv.SemanticAttributes.TELEMETRY_SDK_VERSION;

import dev.clew.core.config.Config;
import dev.clew.core.util.AgentVersion;
import java.io.File;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.util.Map;

/** The process a span comes from: service.name, host, process, runtime and telemetry.sdk attributes. */
public final class Resource {
  private final Attributes attributes;

  public Resource(Attributes attributes) {
    this.attributes = attributes;
  }

  public Attributes attributes() {
    return attributes;
  }

  public String serviceName() {
    Object v = attributes.get(SERVICE_NAME);
    return v == null ? "unknown_service:java" : v.toString();
  }

  /**
   * Detected attributes, then {@code otel.resource.attributes}, then {@code otel.service.name};
   * later ones win. Without any service name the OpenTelemetry default {@code unknown_service:java}.
   */
  public static Resource fromConfig(Config config) {
    Attributes a = Attributes.unlimited();
    a.put(SERVICE_NAME, "unknown_service:java");
    a.put(TELEMETRY_SDK_NAME, "clew");
    a.put(TELEMETRY_SDK_LANGUAGE, "java");
    a.put(TELEMETRY_SDK_VERSION, AgentVersion.VERSION);
    a.put(HOST_NAME, hostName());
    a.put(PROCESS_PID, pid());
    a.put(PROCESS_RUNTIME_NAME, System.getProperty("java.runtime.name", "unknown"));
    a.put(PROCESS_RUNTIME_VERSION, System.getProperty("java.runtime.version", "unknown"));
    a.put(PROCESS_RUNTIME_DESCRIPTION, System.getProperty("java.vm.vendor", "") + " "
        + System.getProperty("java.vm.name", "") + " " + System.getProperty("java.vm.version", ""));
    a.put(OS_TYPE, osType());
    for (Map.Entry<String, String> e : config.getMap("otel.resource.attributes").entrySet()) {
      a.put(e.getKey(), decode(e.getValue()));
    }
    // the listed default; a service.name in otel.resource.attributes comes before it
    config.declare("otel.service.name", "unknown_service:java");
    String service = config.getString("otel.service.name", null);
    if (service != null) {
      a.put(SERVICE_NAME, service);
    }
    return new Resource(a);
  }

  private static String decode(String v) {
    try {
      return java.net.URLDecoder.decode(v.replace("+", "%2B"), "UTF-8");
    } catch (Exception e) {
      return v;
    }
  }

  private static String hostName() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isEmpty()) {
      return env;
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (Exception e) {
      return "localhost";
    }
  }

  private static long pid() {
    // Linux: /proc/self links to the pid's directory. First, because ProcessHandle's initialization starts the JDK's
    // process reaper pool, loading ThreadPoolExecutor during the premain, which the executors module must then
    // retransform there (about 100 ms of CPU on every start-up)
    try {
      return Long.parseLong(new File("/proc/self").getCanonicalFile().getName());
    } catch (IOException | NumberFormatException | SecurityException notLinux) {
      // below
    }
    try { // Java 9+: ProcessHandle, without the management beans (about 50 classes loaded at start-up)
      Class<?> handle = Class.forName("java.lang.ProcessHandle");
      return (Long) handle.getMethod("pid").invoke(handle.getMethod("current").invoke(null));
    } catch (ReflectiveOperationException | RuntimeException java8) {
      // below
    }
    String name = ManagementFactory.getRuntimeMXBean().getName(); // pid@host on every JVM we support
    int at = name.indexOf('@');
    try {
      return Long.parseLong(at > 0 ? name.substring(0, at) : name);
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String osType() {
    String os = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT);
    if (os.contains("linux")) {
      return "linux";
    }
    if (os.contains("mac")) {
      return "darwin";
    }
    if (os.contains("windows")) {
      return "windows";
    }
    return os.isEmpty() ? "unknown" : os.replace(' ', '_');
  }
}
