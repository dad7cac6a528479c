package dev.clew.cli;

import dev.clew.core.AgentStarter;
import dev.clew.core.config.Config;
import dev.clew.core.util.AgentVersion;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;

/** {@code java -jar clew-agent.jar [command]}: the agent's command-line tools. */
public final class Cli {
  private Cli() {}

  public static int run(String[] args) {
    return run(args, System.out, System.err, System.console() != null && System.getenv("NO_COLOR") == null);
  }

  /** Runs a command; {@code terminal} says whether colour is used when neither --color nor --no-color is given. */
  public static int run(String[] args, PrintStream out, PrintStream err, boolean terminal) {
    if (args.length == 0 || "help".equals(args[0]) || "--help".equals(args[0]) || "-h".equals(args[0])) {
      usage(out);
      return 0;
    }
    try {
      switch (args[0]) {
        case "version":
        case "--version":
          out.println("clew " + AgentVersion.VERSION);
          return 0;
        case "view":
          return view(args, out, err, terminal);
        case "html":
          return html(args, out, err);
        case "config":
          Config config = Config.load();
          AgentStarter.askAllKeys(config, Cli.class.getClassLoader());
          ConfigListing.print(config, out);
          return 0;
        default:
          err.println("unknown command: " + args[0]);
          usage(err);
          return 2;
      }
    } catch (NoSuchFileException e) {
      err.println("clew " + args[0] + ": no such file: " + e.getFile());
      return 1;
    } catch (AccessDeniedException e) {
      err.println("clew " + args[0] + ": permission denied: " + e.getFile());
      return 1;
    } catch (IOException e) {
      err.println("clew " + args[0] + ": " + (e.getMessage() != null ? e.getMessage() : e.toString()));
      return 1;
    }
  }

  private static int view(String[] args, PrintStream out, PrintStream err, boolean terminal) throws IOException {
    boolean color = terminal;
    int width = 40;
    List<Path> files = new ArrayList<>();
    for (int i = 1; i < args.length; i++) {
      String a = args[i];
      if ("--color".equals(a)) {
        color = true;
      } else if ("--no-color".equals(a)) {
        color = false;
      } else if ("--width".equals(a) && i + 1 < args.length) {
        width = parseWidth(args[++i]);
        if (width < 0) {
          err.println("--width takes a number from 8 to 400, not " + args[i]);
          return 2;
        }
      } else {
        files.add(Paths.get(a));
      }
    }
    if (files.isEmpty()) {
      err.println("usage: view FILE... [--color|--no-color] [--width N]");
      return 2;
    }
    SpanFileReader reader = read(files);
    if (reader.spans.isEmpty()) {
      return noSpans("view", reader, files, err);
    }
    List<Trace> traces = Trace.of(reader.spans);
    new TextWaterfall(out, color, width).render(traces);
    out.println(summary(reader, traces.size(), files));
    return 0;
  }

  private static int html(String[] args, PrintStream out, PrintStream err) throws IOException {
    if (args.length < 3) {
      err.println("usage: html FILE... OUT.html");
      return 2;
    }
    List<Path> files = new ArrayList<>();
    for (int i = 1; i < args.length - 1; i++) {
      files.add(Paths.get(args[i]));
    }
    Path target = Paths.get(args[args.length - 1]);
    if (!target.getFileName().toString().endsWith(".html") && !target.getFileName().toString().endsWith(".htm")) {
      err.println("the last argument is the page to write and must end with .html: " + target);
      return 2;
    }
    SpanFileReader reader = read(files);
    if (reader.spans.isEmpty()) {
      return noSpans("html", reader, files, err);
    }
    List<Trace> traces = Trace.of(reader.spans);
    try (Writer w = new BufferedWriter(new OutputStreamWriter(Files.newOutputStream(target), StandardCharsets.UTF_8))) {
      new HtmlWaterfall(w).render(traces, names(files), reader.spans.size(), reader.brokenLines);
    }
    out.println(summary(reader, traces.size(), files) + "; wrote " + target.toAbsolutePath());
    return 0;
  }

  /** Reads every file; a missing file or a directory fails the command before anything is shown. */
  private static SpanFileReader read(List<Path> files) throws IOException {
    for (Path f : files) {
      if (!Files.exists(f)) {
        throw new NoSuchFileException(f.toString());
      }
      if (Files.isDirectory(f)) {
        throw new IOException(f + " is a directory; name the span files in it (e.g. " + f.resolve("clew-spans.jsonl")
            + ")");
      }
    }
    SpanFileReader reader = new SpanFileReader();
    for (Path f : files) {
      reader.read(f);
    }
    return reader;
  }

  /** Nothing to show is a failure: a wrong file, or an application that recorded nothing. */
  private static int noSpans(String command, SpanFileReader reader, List<Path> files, PrintStream err) {
    err.println("clew " + command + ": no spans in " + names(files) + " (" + reader.lines
        + (reader.lines == 1 ? " line" : " lines") + (reader.brokenLines > 0 ? ", " + reader.brokenLines
        + " not OTLP/JSON" : "") + "). Span files are written by the file exporter: "
        + "-Dotel.traces.exporter=file -Dclew.exporter.file.path=FILE");
    return 1;
  }

  /** 8 to 400 (bar cells), or -1. */
  private static int parseWidth(String s) {
    try {
      int w = Integer.parseInt(s);
      return w >= 8 && w <= 400 ? w : -1;
    } catch (NumberFormatException e) {
      return -1;
    }
  }

  private static String summary(SpanFileReader reader, int traces, List<Path> files) {
    return reader.spans.size() + (reader.spans.size() == 1 ? " span in " : " spans in ") + traces
        + (traces == 1 ? " trace" : " traces") + " from " + names(files)
        + (reader.brokenLines > 0 ? "; " + reader.brokenLines + " unreadable lines skipped" : "");
  }

  private static String names(List<Path> files) {
    List<String> names = new ArrayList<>();
    for (Path f : files) {
      names.add(f.toString());
    }
    return String.join(", ", names);
  }

  private static void usage(PrintStream out) {
    out.println("clew " + AgentVersion.VERSION + " - zero-code distributed tracing agent for the JVM");
    out.println();
    out.println("Attach:  java -javaagent:clew-agent.jar -Dotel.service.name=my-service -jar app.jar");
    out.println("         (spans go to OTLP at http://localhost:4318; -Dotel.traces.exporter=file writes clew-spans.jsonl)");
    out.println();
    out.println("Commands:");
    out.println("  view FILE...           show the spans of a file written by the file exporter as waterfalls");
    out.println("                         (--color / --no-color, --width N for the bars)");
    out.println("  html FILE... OUT.html  write the same waterfalls as one self-contained HTML page");
    out.println("  config                 list every configuration key with its value and default");
    out.println("  version                print the version");
    out.println("  help                   print this text");
  }
}
