package dev.clew.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testing.AgentJvm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code java -jar clew-agent.jar view} when there is nothing to show: a clear line and a non-zero exit. */
class ViewerIT {
  @TempDir Path dir;

  @Test
  void aMissingFileIsOneLineAndExit1() throws Exception {
    AgentJvm.Result r = AgentJvm.cli("view", "/nonexistent").run(Duration.ofSeconds(60));
    assertEquals(1, r.exitCode(), r::toString);
    assertEquals("clew view: no such file: /nonexistent", r.stderr().strip(), r::toString);
    assertFalse(r.stderr().contains("Exception"), r::toString);
  }

  @Test
  void aFileWithoutSpansExits1() throws Exception {
    Path empty = Files.createFile(dir.resolve("spans.jsonl"));
    AgentJvm.Result r = AgentJvm.cli("view", empty.toString()).run(Duration.ofSeconds(60));
    assertEquals(1, r.exitCode(), r::toString);
    assertTrue(r.stderr().startsWith("clew view: no spans in " + empty), r::toString);
    assertEquals("", r.stdout());
  }
}
