package dev.clew.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.RedeployHost;
import com.acme.webapp.WorkServlet;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A web application redeployed 20 times in one embedded Tomcat with the agent attached (servlet, JDBC,
 * HttpURLConnection and executor instrumentation all touching its classes): every undeployed web-app class
 * loader is collected, so nothing in the agent (caches keyed by loader, advice class loaders, thread locals,
 * task contexts) keeps one alive.
 */
class RedeployLeakIT {
  private static final int DEPLOYMENTS = 20;
  private static final int REQUESTS = 5;

  @Test
  void undeployedWebAppClassLoadersAreCollected(@TempDir Path webapp) throws Exception {
    copyWebAppClasses(webapp.resolve("WEB-INF/classes"));
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      AgentJvm.Result run = AgentJvm.main(RedeployHost.class)
          .args(webapp.toString(), String.valueOf(DEPLOYMENTS), String.valueOf(REQUESTS))
          .property("otel.exporter.otlp.endpoint", receiver.endpoint())
          .property("otel.bsp.schedule.delay", "100")
          // a web-app class instrumented too: an advice class loader per web-app loader
          .property("clew.trace.methods", "com.acme.webapp.WorkServlet[doGet]")
          .property("clew.debug", "true")
          .run(Duration.ofSeconds(180));
      assertEquals(0, run.exitCode(), run::toString);
      assertTrue(run.stdout().contains("collected " + DEPLOYMENTS + " of " + DEPLOYMENTS), run::toString);
      assertTrue(run.stderr().contains("advice errors=0"), run::toString);

      // the web application was traced all along: one SERVER span per request, with its method, JDBC and HTTP
      // children
      List<Span> spans = receiver.awaitSpans(DEPLOYMENTS * REQUESTS * 5, Duration.ofSeconds(30));
      assertEquals(DEPLOYMENTS * REQUESTS, spans.stream()
          .filter(s -> "/app/work".equals(dev.clew.testing.AgentSpans.attribute(s, "url.path"))).count(),
          () -> dev.clew.testing.AgentSpans.names(spans).toString());
      assertEquals(DEPLOYMENTS * REQUESTS, spans.stream().filter(s -> s.getName().equals("WorkServlet.doGet")).count(),
          () -> dev.clew.testing.AgentSpans.names(spans).toString());
    }
  }

  /** The servlet goes only into WEB-INF/classes, so the web-app class loader defines it. */
  private static void copyWebAppClasses(Path classes) throws IOException {
    Path source = Path.of(System.getProperty("user.dir"), "target", "test-classes");
    String pkg = WorkServlet.class.getPackageName().replace('.', '/');
    Path target = classes.resolve(pkg);
    Files.createDirectories(target);
    try (Stream<Path> files = Files.list(source.resolve(pkg))) {
      for (Path f : (Iterable<Path>) files::iterator) {
        Files.copy(f, target.resolve(f.getFileName().toString()));
      }
    }
  }
}
