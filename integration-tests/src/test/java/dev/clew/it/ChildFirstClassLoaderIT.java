package dev.clew.it;

import static dev.clew.testing.AgentSpans.attribute;
import static dev.clew.testing.AgentSpans.isChildOf;
import static dev.clew.testing.AgentSpans.span;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.plugin.PluginHost;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Instrumentation applies to classes whatever loads them: here a class loaded by the application's own
 * child-first URLClassLoader (as web containers and plugin systems load code) is traced by configuration.
 * Classes of the bootstrap loader are covered by the HttpURLConnection and executor spans of the
 * cross-process tests.
 */
@Tag("smoke")
class ChildFirstClassLoaderIT {
  @Test
  void aClassLoadedByAChildFirstLoaderIsTraced() throws Exception {
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      AgentJvm.Result r = AgentJvm.main(PluginHost.class)
          .property("otel.service.name", "plugin-host")
          .property("otel.exporter.otlp.endpoint", receiver.endpoint())
          .property("otel.bsp.schedule.delay", "100")
          .property("clew.trace.methods", "com.acme.plugin.PluginWork[get,step]")
          .run(Duration.ofSeconds(60));
      assertEquals(0, r.exitCode(), r::toString);
      assertTrue(r.stdout().contains("isolated true"), r::toString);
      assertTrue(r.stdout().contains("result plugin loaded by ChildFirstLoader"), r::toString);
      assertFalse(r.stderr().contains("[clew] WARN"), r::toString);

      List<Span> spans = receiver.awaitSpans(2, Duration.ofSeconds(20));
      assertEquals(2, spans.size(), spans::toString);
      Span get = span(spans, "PluginWork.get");
      Span step = span(spans, "PluginWork.step");
      assertTrue(isChildOf(step, get));
      assertEquals("com.acme.plugin.PluginWork", attribute(get, "code.namespace"));
    }
  }
}
