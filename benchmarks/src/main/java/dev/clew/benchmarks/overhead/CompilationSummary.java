package dev.clew.benchmarks.overhead;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a HotSpot compilation log ({@code -XX:+UnlockDiagnosticVMOptions -XX:+LogCompilation
 * -XX:LogFile=FILE}) and prints what the JIT did with the code of each origin (clew, the relocated Byte
 * Buddy/ASM, method-handle glue, the JDK, the application and its libraries): compilations by tier, bytecode
 * compiled (inlined callees included), machine code made, compile wall time; the largest C2 compilations of
 * clew's code; methods C2 compiled more than once; uncommon traps and the code they made not entrant.
 * Usage: {@code CompilationSummary FILE [--after=SECONDS] [N]}: only compilations that start after SECONDS
 * of JVM time count (e.g. the start-up time, to see what the load phases pay).
 */
public final class CompilationSummary {
  /** Where a compiled method comes from. */
  enum Origin { CLEW, CLEW_SHADED, METHOD_HANDLES, JDK, APPLICATION }

  /** One compilation task, finished. */
  static final class Task {
    String method;
    int level; // 1-3 C1, 4 C2
    boolean osr;
    double start;
    double end;
    long bytes; // the method's bytecode plus what was inlined into it
    long nmethodBytes;
    boolean success;
  }

  /** Totals of one (tier, origin) cell. */
  static final class Cell {
    int compiles;
    long bytes;
    long nmethodBytes;
    double seconds;
  }

  final List<Task> tasks = new ArrayList<>();
  final Map<String, Integer> traps = new TreeMap<>(); // "reason action" -> count
  final Map<String, Integer> trapsByMethod = new TreeMap<>();
  int madeNotEntrant;

  static CompilationSummary read(BufferedReader in, double after) throws IOException {
    CompilationSummary s = new CompilationSummary();
    Task current = null;
    String pendingTrap = null;
    double pendingTrapStamp = 0;
    for (String line; (line = in.readLine()) != null; ) {
      if (line.startsWith("<task ")) {
        current = new Task();
        current.method = unescape(attr(line, "method"));
        String level = attr(line, "level");
        current.level = level == null ? 4 : Integer.parseInt(level); // C2 tasks carry no level
        current.osr = "osr".equals(attr(line, "compile_kind"));
        current.start = Double.parseDouble(attr(line, "stamp"));
        current.bytes = Long.parseLong(attr(line, "bytes"));
      } else if (current != null && line.startsWith("<task_done ")) {
        current.success = "1".equals(attr(line, "success"));
        current.nmethodBytes = parseLong(attr(line, "nmsize"));
        current.bytes += parseLong(attr(line, "inlined_bytes"));
        current.end = Double.parseDouble(attr(line, "stamp"));
        if (current.start >= after) {
          s.tasks.add(current);
        }
        current = null;
      } else if (line.startsWith("<uncommon_trap thread=")) {
        // a trap taken by running code (not one a compiler plans): the frame follows as <jvms>
        pendingTrap = attr(line, "reason") + " " + attr(line, "action");
        pendingTrapStamp = Double.parseDouble(attr(line, "stamp"));
      } else if (pendingTrap != null && line.startsWith("<jvms ")) {
        if (pendingTrapStamp >= after) {
          s.traps.merge(pendingTrap, 1, Integer::sum);
          s.trapsByMethod.merge(unescape(attr(line, "method")) + " (" + pendingTrap + ")", 1, Integer::sum);
        }
        pendingTrap = null;
      } else if (line.startsWith("<make_not_entrant ")) {
        if (Double.parseDouble(attr(line, "stamp")) >= after) {
          s.madeNotEntrant++;
        }
      }
    }
    return s;
  }

  static Origin origin(String method) {
    if (method.startsWith("dev.clew.shaded.")) {
      return Origin.CLEW_SHADED;
    }
    if (method.startsWith("dev.clew.") && !method.startsWith("dev.clew.benchmarks.")) {
      return Origin.CLEW;
    }
    if (method.startsWith("java.lang.invoke.")) {
      return Origin.METHOD_HANDLES;
    }
    if (method.startsWith("java.") || method.startsWith("javax.") || method.startsWith("jdk.")
        || method.startsWith("sun.") || method.startsWith("com.sun.")) {
      return Origin.JDK;
    }
    return Origin.APPLICATION;
  }

  /** Totals by "tier origin", tiers 1-3 being C1's and 4 C2's. */
  Map<String, Cell> cells() {
    Map<String, Cell> cells = new TreeMap<>();
    for (Task t : tasks) {
      if (!t.success) {
        continue;
      }
      Cell c = cells.computeIfAbsent(t.level + " " + origin(t.method), k -> new Cell());
      c.compiles++;
      c.bytes += t.bytes;
      c.nmethodBytes += t.nmethodBytes;
      c.seconds += t.end - t.start;
    }
    return cells;
  }

  /** C2 compilations per method, for methods compiled more than once (OSR included). */
  Map<String, Integer> c2Recompiled() {
    Map<String, Integer> counts = new TreeMap<>();
    for (Task t : tasks) {
      if (t.level == 4 && t.success) {
        counts.merge(t.method, 1, Integer::sum);
      }
    }
    counts.values().removeIf(n -> n < 2);
    return counts;
  }

  public static void main(String[] args) throws IOException {
    double after = 0;
    int top = 25;
    Path file = null;
    for (String a : args) {
      if (a.startsWith("--after=")) {
        after = Double.parseDouble(a.substring("--after=".length()));
      } else if (file == null) {
        file = Path.of(a);
      } else {
        top = Integer.parseInt(a);
      }
    }
    if (file == null) {
      System.err.println("usage: CompilationSummary FILE [--after=SECONDS] [N]");
      System.exit(2);
    }
    CompilationSummary s;
    try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.ISO_8859_1)) {
      s = read(in, after);
    }
    s.print(file + (after > 0 ? ", compilations started after " + after + " s" : ""), top);
  }

  void print(String title, int top) {
    System.out.println(title);
    System.out.println("tier origin            compiles  bytecode+inlined  machine code  compile wall s");
    Cell[] byCompiler = {new Cell(), new Cell()};
    double lastC2 = 0;
    for (Task t : tasks) {
      if (t.level == 4) {
        lastC2 = Math.max(lastC2, t.end);
      }
    }
    for (Map.Entry<String, Cell> e : cells().entrySet()) {
      Cell c = e.getValue();
      System.out.printf("%-24s %8d %17d %13d %15.2f%n", e.getKey(), c.compiles, c.bytes, c.nmethodBytes, c.seconds);
      Cell sum = byCompiler[e.getKey().startsWith("4") ? 1 : 0];
      sum.compiles += c.compiles;
      sum.bytes += c.bytes;
      sum.nmethodBytes += c.nmethodBytes;
      sum.seconds += c.seconds;
    }
    String[] names = {"C1 (tiers 1-3)", "C2 (tier 4)"};
    for (int i = 0; i < 2; i++) {
      Cell c = byCompiler[i];
      System.out.printf("%-24s %8d %17d %13d %15.2f%n", names[i], c.compiles, c.bytes, c.nmethodBytes, c.seconds);
    }
    System.out.printf("last C2 compilation ended at %.1f s; made not entrant: %d%n", lastC2, madeNotEntrant);

    System.out.println("\nlargest C2 compilations of clew's code (bytecode+inlined, start s):");
    List<Task> clew = new ArrayList<>();
    for (Task t : tasks) {
      if (t.level == 4 && t.success && origin(t.method) == Origin.CLEW) {
        clew.add(t);
      }
    }
    clew.sort((a, b) -> Long.compare(b.bytes, a.bytes));
    for (Task t : clew.subList(0, Math.min(top, clew.size()))) {
      System.out.printf("  %6d  %6.1f%s  %s%n", t.bytes, t.start, t.osr ? " OSR" : "    ", t.method);
    }

    System.out.println("\nmethods C2 compiled more than once:");
    printTop(c2Recompiled(), top);
    System.out.println("\nuncommon traps taken (reason action):");
    printTop(traps, top);
    System.out.println("\nuncommon traps by method:");
    printTop(trapsByMethod, top);
  }

  private static void printTop(Map<String, Integer> counts, int top) {
    List<Map.Entry<String, Integer>> rows = new ArrayList<>(counts.entrySet());
    rows.sort((a, b) -> Integer.compare(b.getValue(), a.getValue()));
    for (Map.Entry<String, Integer> e : rows.subList(0, Math.min(top, rows.size()))) {
      System.out.printf("  %5d  %s%n", e.getValue(), e.getKey());
    }
  }

  /** The value of {@code name='...'} in one log element, or null. */
  static String attr(String line, String name) {
    String key = " " + name + "='";
    int from = line.indexOf(key);
    if (from < 0) {
      return null;
    }
    from += key.length();
    return line.substring(from, line.indexOf('\'', from));
  }

  private static long parseLong(String s) {
    return s == null ? 0 : Long.parseLong(s);
  }

  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&apos;", "'").replace("&amp;", "&");
  }
}
