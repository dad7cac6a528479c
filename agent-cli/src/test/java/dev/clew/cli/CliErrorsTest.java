package dev.clew.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the viewer says, and the exit code, when there is nothing to show. */
class CliErrorsTest {
  @TempDir Path dir;

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = Cli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8), false);
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aMissingFileIsNamedWithoutAStackTraceAndFails() {
    for (String command : new String[] {"view", "html"}) {
      Outcome o = command.equals("view") ? run("view", "/nonexistent/spans.jsonl")
          : run("html", "/nonexistent/spans.jsonl", dir.resolve("out.html").toString());
      assertEquals(1, o.code(), o.toString());
      assertEquals("clew " + command + ": no such file: /nonexistent/spans.jsonl\n", o.err(), o.toString());
      assertFalse(o.err().contains("Exception"), o.err());
      assertEquals("", o.out());
    }
  }

  @Test
  void aFileWithoutSpansFailsAndSaysWhatFilesAreExpected() throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.jsonl"));
    Path text = Files.writeString(dir.resolve("app.log"), "INFO started\nWARN slow\n");
    Outcome none = run("view", empty.toString());
    assertEquals(1, none.code(), none.toString());
    assertTrue(none.err().startsWith("clew view: no spans in " + empty + " (0 lines)."), none.err());
    assertTrue(none.err().contains("-Dotel.traces.exporter=file"), none.err());
    Outcome log = run("view", text.toString());
    assertEquals(1, log.code(), log.toString());
    assertTrue(log.err().startsWith("clew view: no spans in " + text + " (2 lines, 2 not OTLP/JSON)."), log.err());
    Path page = dir.resolve("page.html");
    Outcome html = run("html", empty.toString(), page.toString());
    assertEquals(1, html.code(), html.toString());
    assertFalse(Files.exists(page), "no page for nothing");
  }

  @Test
  void aDirectoryOrABadWidthIsAClearError() {
    Outcome d = run("view", dir.toString());
    assertEquals(1, d.code(), d.toString());
    assertTrue(d.err().contains(dir + " is a directory"), d.err());
    Outcome w = run("view", "x.jsonl", "--width", "wide");
    assertEquals(2, w.code(), w.toString());
    assertEquals("--width takes a number from 8 to 400, not wide\n", w.err());
  }

  @Test
  void aFileWithSpansStillSucceeds() throws Exception {
    Outcome o = run("view", RecordedTraces.write(dir).toString());
    assertEquals(0, o.code(), o.toString());
    assertTrue(o.out().contains("spans in 3 traces"), o.out());
  }
}
