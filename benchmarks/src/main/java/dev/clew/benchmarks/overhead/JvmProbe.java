package dev.clew.benchmarks.overhead;

import com.sun.management.OperatingSystemMXBean;
import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ClassLoadingMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.RuntimeMXBean;
import java.lang.management.ThreadInfo;
import java.nio.file.DirectoryStream;
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

  /**
   * CPU time so far of the JVM's JIT compiler threads and of its GC and VM threads, in nanoseconds (Linux
   * {@code /proc/PID/task/}{@code *}{@code /schedstat}, by thread name; zeros where /proc has none). These threads
   * live as long as the JVM on 2 cores (one C1 and one C2 compiler thread), so their totals are exact; what is
   * left of {@link #cpuNanos} is the application's threads and the agent's.
   */
  long[] jitAndGcNanos() {
    long jit = 0;
    long gc = 0;
    try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
      for (Path task : tasks) {
        try {
          String name = Files.readString(task.resolve("comm")).trim();
          String schedstat = Files.readString(task.resolve("schedstat"));
          long nanos = Long.parseLong(schedstat.substring(0, schedstat.indexOf(' ')));
          if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
            jit += nanos;
          } else if (name.startsWith("GC Thread") || name.startsWith("G1 ") || name.equals("VM Thread")) {
            gc += nanos;
          }
        } catch (IOException | RuntimeException gone) {
          // the thread ended meanwhile
        }
      }
    } catch (IOException | RuntimeException e) {
      // not Linux
    }
    return new long[] {jit, gc};
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

  /**
   * Every thread's name, state, the lock it waits for and its owner, and its whole stack, as text: what
   * {@code jstack} shows, read through JMX.
   */
  String threadDump() {
    StringBuilder out = new StringBuilder();
    for (ThreadInfo t : threads.dumpAllThreads(true, true)) {
      out.append('"').append(t.getThreadName()).append("\" ").append(t.getThreadState());
      if (t.getLockName() != null) {
        out.append(" on ").append(t.getLockName());
      }
      if (t.getLockOwnerName() != null) {
        out.append(" held by \"").append(t.getLockOwnerName()).append('"');
      }
      out.append('\n');
      for (StackTraceElement e : t.getStackTrace()) {
        out.append("\tat ").append(e).append('\n');
      }
      out.append('\n');
    }
    return out.toString();
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
