package dev.clew.benchmarks.overhead;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.RuntimeMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.management.MBeanServerConnection;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads an application JVM from outside, through the attach API and its platform MBeans: CPU time,
 * bytes allocated by all its threads, heap after a full GC, classes loaded; and starts/stops
 * async-profiler in it. Attached only after start-up has been measured, so it costs that figure nothing.
 */
final class JvmProbe implements AutoCloseable {
  private final long pid;
  private final VirtualMachine vm;
  private final JMXConnector connector;
  private final OperatingSystemMXBean os;
  private final ThreadMXBean threads;
  private final MemoryMXBean memory;
  private final ClassLoadingMXBean classes;
  private final RuntimeMXBean runtime;

  JvmProbe(long pid) throws Exception {
    this.pid = pid;
    vm = VirtualMachine.attach(Long.toString(pid));
    String address = vm.startLocalManagementAgent();
    connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
    MBeanServerConnection mbeans = connector.getMBeanServerConnection();
    os = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.OPERATING_SYSTEM_MXBEAN_NAME,
        OperatingSystemMXBean.class);
    threads = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.THREAD_MXBEAN_NAME,
        ThreadMXBean.class);
    memory = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.MEMORY_MXBEAN_NAME,
        MemoryMXBean.class);
    classes = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.CLASS_LOADING_MXBEAN_NAME,
        ClassLoadingMXBean.class);
    runtime = ManagementFactory.newPlatformMXBeanProxy(mbeans, ManagementFactory.RUNTIME_MXBEAN_NAME,
        RuntimeMXBean.class);
  }

  /** {@code 17.0.15+6 (Eclipse Adoptium)}. */
  String javaVersion() {
    return runtime.getSystemProperties().get("java.runtime.version") + " (" + runtime.getVmVendor() + ")";
  }

  /** CPU time of the whole process (all threads: application, agent, JIT, GC), in nanoseconds. */
  long cpuNanos() {
    return os.getProcessCpuTime();
  }

  /** Bytes allocated on the heap by all threads since the JVM started, dead threads included. */
  long allocatedBytes() {
    return threads.getTotalThreadAllocatedBytes();
  }

  /** Heap in use after two full collections. */
  long heapAfterGc() {
    memory.gc();
    memory.gc();
    return memory.getHeapMemoryUsage().getUsed();
  }

  long classesLoaded() {
    return classes.getTotalLoadedClassCount();
  }

  /** Peak resident set size so far (Linux {@code VmHWM}), in bytes; -1 where /proc has none. */
  long peakRss() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return -1;
  }

  /** Runs an async-profiler command ({@code start,event=cpu}, {@code stop,file=...}) in the JVM. */
  void profiler(Path library, String command) throws Exception {
    vm.loadAgentPath(library.toString(), command);
  }

  @Override
  public void close() {
    try {
      connector.close();
    } catch (IOException ignored) {
      // the JVM may be gone
    }
    try {
      vm.detach();
    } catch (IOException ignored) {
      // the JVM may be gone
    }
  }
}
