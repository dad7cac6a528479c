package dev.clew.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.SearchApp;
import dev.clew.testing.AgentJvm;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** What {@code clew.debug} says agrees with what the agent does. */
class DebugOutputIT {
  private static final Pattern INSTALLED = Pattern.compile("instrumentations installed: \\[([^]]*)]");

  @Test
  void noModuleIsReportedSkippedWhileItTracesAndEachIsListedOnce() throws Exception {
    AgentJvm.Result r = AgentJvm.main(SearchApp.class).args("q=1")
        .property("clew.debug", "true")
        .property("otel.traces.exporter", "console")
        .run(Duration.ofSeconds(90));
    assertEquals(0, r.exitCode(), r::toString);
    // the container (tomcat) starts the SERVER span; the servlet layer joins it and names the route
    for (String module : List.of("java-http-client", "http-url-connection", "tomcat")) {
      assertTrue(r.stdout().contains("scope=clew." + module), module + " traced:\n" + r);
    }
    assertTrue(r.stdout().contains("'GET /search' SERVER"), "the servlet layer named the route:\n" + r);
    for (String module : List.of("java-http-client", "http-url-connection", "tomcat", "servlet-jakarta")) {
      assertFalse(r.stderr().contains("instrumentation '" + module + "' skipped"), r::toString);
    }
    Matcher m = INSTALLED.matcher(r.stderr());
    assertTrue(m.find(), r::toString);
    List<String> names = Arrays.asList(m.group(1).split(", "));
    assertEquals(names.stream().distinct().count(), names.size(), "each name once: " + names);
    assertTrue(names.containsAll(List.of("apache-httpclient", "java-http-client", "servlet-jakarta")), names.toString());
  }
}
