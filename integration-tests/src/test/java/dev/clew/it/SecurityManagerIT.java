package dev.clew.it;

import static dev.clew.testing.AgentSpans.isChildOf;
import static dev.clew.testing.AgentSpans.names;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.acme.app.SecuredApp;
import dev.clew.testing.AgentJvm;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A SecurityManager (JDK 17: deprecated, still working) with a policy that grants AllPermission to the agent
 * jar and little to the application: context hand-off through every kind of executor works, with no advice
 * error, and spans are exported. Java 8-17 application servers are still run this way.
 */
class SecurityManagerIT {
  @Test
  void executorsWorkWhenOnlyTheAgentJarHasAllPermission(@TempDir Path dir) throws Exception {
    File agentJar = new File(System.getProperty("clew.agent.jar")).getCanonicalFile();
    File appClasses = new File(SecuredApp.class.getProtectionDomain().getCodeSource().getLocation().toURI())
        .getCanonicalFile();
    Path policy = dir.resolve("app.policy");
    Files.writeString(policy, String.join("\n",
        "grant codeBase \"" + agentJar.toURI() + "\" {",
        "  permission java.security.AllPermission;",
        "};",
        "grant codeBase \"" + appClasses.toURI() + "-\" {",
        "  permission java.util.PropertyPermission \"*\", \"read\";",
        "  permission java.lang.RuntimePermission \"modifyThread\";",
        "};", ""));
    try (OtlpReceiver receiver = OtlpReceiver.start()) {
      AgentJvm.Result run = AgentJvm.main(SecuredApp.class)
          .classpath(appClasses.getPath())
          .jvmArg("-Djava.security.manager")
          .jvmArg("-Djava.security.policy==" + policy)
          .property("otel.exporter.otlp.endpoint", receiver.endpoint())
          .property("otel.bsp.schedule.delay", "100")
          .property("clew.trace.methods", "com.acme.app.SecuredApp$Work[run,task]")
          .property("clew.debug", "true")
          .run(Duration.ofSeconds(120));
      assertEquals(0, run.exitCode(), run::toString);
      assertTrue(run.stdout().contains("restricted\ndone"), "the policy restricts the application: " + run);
      assertFalse(run.stderr().contains("NoClassDefFoundError"), run::toString);
      assertFalse(run.stderr().contains("AccessControlException"), run::toString);
      assertTrue(run.stderr().contains("advice errors=0"), run::toString);

      List<Span> spans = receiver.awaitSpans(6, Duration.ofSeconds(30));
      Span parent = dev.clew.testing.AgentSpans.span(spans, "SecuredApp$Work.run");
      List<Span> tasks = spans.stream().filter(s -> s.getName().equals("SecuredApp$Work.task")).toList();
      assertEquals(5, tasks.size(), () -> names(spans).toString());
      for (Span task : tasks) {
        assertTrue(isChildOf(task, parent), "every hand-off carried the context: " + names(spans));
      }
    }
  }
}
