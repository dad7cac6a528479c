package dev.clew.core.cli;

import dev.clew.core.AgentVersion;
import java.io.PrintStream;

/** {@code java -jar clew-agent.jar [command]}: the agent's command-line tools. */
public final class Cli {
  private Cli() {}

  public static int run(String[] args) {
    PrintStream out = System.out;
    if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0]) || "-h".equals(args[0])) {
      usage(out);
      return 0;
    }
    if ("version".equals(args[0]) || "--version".equals(args[0])) {
      out.println("clew " + AgentVersion.VERSION);
      return 0;
    }
    System.err.println("unknown command: " + args[0]);
    usage(System.err);
    return 2;
  }

  private static void usage(PrintStream out) {
    out.println("clew " + AgentVersion.VERSION + " - zero-code distributed tracing agent for the JVM");
    out.println();
    out.println("Attach:  java -javaagent:clew-agent.jar -Dotel.service.name=my-service -jar app.jar");
    out.println();
    out.println("Commands:");
    out.println("  version            print the version");
    out.println("  help               print this text");
  }
}
