package dev.clew.it.springboot;

import static dev.clew.testing.AgentSpans.attribute;
import static dev.clew.testing.AgentSpans.attributes;
import static dev.clew.testing.AgentSpans.isChildOf;
import static dev.clew.testing.AgentSpans.traceId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.clew.testing.AgentJvm;
import dev.clew.testing.OtlpReceiver;
import io.opentelemetry.proto.trace.v1.Span;
import io.opentelemetry.proto.trace.v1.Status;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A Spring Boot 4 application (testapp-spring-boot: Spring MVC on Tomcat 11, JPA on H2 through HikariCP, a
 * RestClient call, a @ControllerAdvice) in a JVM with the shaded agent and no tracing code: what a user sees
 * first. Span names are the controllers' route templates, each request is one connected trace, a controller's
 * exception is recorded as itself (not the container's wrapper), and Spring Boot's error page ({@code /error})
 * adds no span.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpringBootIT {
  private static final Duration WAIT = Duration.ofSeconds(30);
  private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  private OtlpReceiver receiver;
  private AgentJvm.Running app;
  private int port;

  @BeforeAll
  void start() throws Exception {
    receiver = OtlpReceiver.start();
    app = AgentJvm.main("com.acme.petclinic.PetClinicApp")
        .classpath(appClasspath())
        .property("otel.service.name", "petclinic")
        .property("otel.exporter.otlp.endpoint", receiver.endpoint())
        .property("otel.bsp.schedule.delay", "100")
        .start();
    app.awaitOutput("listening ", Duration.ofSeconds(120));
    String out = app.stdout();
    int at = out.indexOf("listening ") + "listening ".length();
    port = Integer.parseInt(out.substring(at, out.indexOf('\n', at)).trim());
    // spans arrive in the order they ended: once this request's has, so have the start-up's (the schema, the
    // owner saved), and clear() leaves none of them to the first test
    assertEquals(200, get("/").statusCode());
    await(s -> !named(s, "GET /").isEmpty());
  }

  @AfterAll
  void stop() throws Exception {
    if (app != null) {
      app.process().getOutputStream().close();
      AgentJvm.Result result = app.await(Duration.ofSeconds(30));
      assertTrue(result.stdout().contains("stopped"), result::toString);
      assertFalse(result.stderr().contains("[clew] WARN"), result::toString);
    }
    if (receiver != null) {
      receiver.close();
    }
  }

  @BeforeEach
  void clear() {
    receiver.clear();
  }

  @Test
  void aRequestIsOneTraceNamedAfterTheRoute() throws Exception {
    HttpResponse<String> response = get("/owners/1");
    assertEquals(200, response.statusCode(), response.body());
    List<Span> spans = await(s -> named(s, "GET /vets/count").size() == 1 && named(s, "GET /owners/{id}").size() == 1);

    Span owner = only(spans, "GET /owners/{id}");
    assertEquals(Span.SpanKind.SPAN_KIND_SERVER, owner.getKind());
    assertEquals("/owners/{id}", attribute(owner, "http.route"));
    assertEquals("/owners/1", attribute(owner, "url.path"));
    assertEquals(200L, attribute(owner, "http.response.status_code"));
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, owner.getStatus().getCode());

    List<Span> trace = spans.stream().filter(s -> traceId(s).equals(traceId(owner))).collect(Collectors.toList());
    assertTrue(trace.stream().anyMatch(s -> s.getName().startsWith("SELECT") && isChildOf(s, owner)),
        "the JPA query is a child of the request: " + names(trace));
    Span client = trace.stream().filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_CLIENT && "GET".equals(s.getName()))
        .findFirst().orElseThrow(() -> new AssertionError("no RestClient span: " + names(trace)));
    assertTrue(isChildOf(client, owner), "the RestClient call is a child of the request");
    Span vets = only(spans, "GET /vets/count");
    assertTrue(isChildOf(vets, client), "the called endpoint continues the trace");
    assertEquals(2, trace.stream().filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER).count(), names(trace).toString());
    assertEquals(spans.size(), trace.size(), "one connected trace: " + names(spans));
  }

  @Test
  void theControllersExceptionIsRecordedOnceWithoutAnErrorPageSpan() throws Exception {
    assertEquals(500, get("/owners/1/fail").statusCode());
    List<Span> spans = await(s -> !named(s, "GET /owners/{id}/fail").isEmpty());
    Span server = only(spans, "GET /owners/{id}/fail");
    assertEquals(Status.StatusCode.STATUS_CODE_ERROR, server.getStatus().getCode());
    assertEquals(500L, attribute(server, "http.response.status_code"));
    assertEquals("java.lang.IllegalStateException", attribute(server, "error.type"));
    assertEquals(1, server.getEventsCount(), "one exception event");
    Map<String, Object> event = attributes(server.getEvents(0).getAttributesList());
    assertEquals("java.lang.IllegalStateException", event.get("exception.type"));
    assertEquals("owner 1 cannot be loaded", event.get("exception.message"));
    assertEquals(1, spans.stream().filter(s -> s.getKind() == Span.SpanKind.SPAN_KIND_SERVER).count(),
        "the error page rendering (/error) is part of the request's span: " + names(spans));
  }

  @Test
  void anExceptionTheApplicationHandlesIsNoError() throws Exception {
    assertEquals(404, get("/owners/99").statusCode());
    Span server = only(await(s -> !named(s, "GET /owners/{id}").isEmpty()), "GET /owners/{id}");
    assertEquals(404L, attribute(server, "http.response.status_code"));
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, server.getStatus().getCode());
    assertEquals(0, server.getEventsCount());
  }

  @Test
  void theHomePageIsNotSlashStar() throws Exception {
    assertEquals(200, get("/").statusCode());
    Span server = only(await(s -> !named(s, "GET /").isEmpty()), "GET /");
    assertEquals("/", attribute(server, "http.route"));
  }

  @Test
  void anUnknownPathIsNamedAfterTheHandlerThatAnsweredIt() throws Exception {
    assertEquals(404, get("/no/such/page").statusCode());
    List<Span> spans = await(s -> s.stream().anyMatch(x -> x.getKind() == Span.SpanKind.SPAN_KIND_SERVER));
    // Spring's static resource handler (/**) looked for it: its template, never the raw path nor the servlet's /*
    Span server = only(spans, "GET /**");
    assertEquals("/**", attribute(server, "http.route"));
    assertEquals(404L, attribute(server, "http.response.status_code"));
    assertEquals(Status.StatusCode.STATUS_CODE_UNSET, server.getStatus().getCode());
  }

  private HttpResponse<String> get(String path) throws IOException, InterruptedException {
    return CLIENT.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(WAIT).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** Waits until the spans received so far satisfy {@code done}; a duplicate would have ended before the outer span. */
  private List<Span> await(Predicate<List<Span>> done) throws InterruptedException {
    long deadline = System.nanoTime() + WAIT.toNanos();
    while (true) {
      List<Span> spans = receiver.spans();
      if (done.test(spans)) {
        return spans;
      }
      if (System.nanoTime() > deadline) {
        throw new AssertionError("spans did not arrive in time; got " + names(spans) + "\n" + app.stderr());
      }
      Thread.sleep(50);
    }
  }

  private static List<Span> named(List<Span> spans, String name) {
    return spans.stream().filter(s -> s.getName().equals(name)).collect(Collectors.toList());
  }

  private static Span only(List<Span> spans, String name) {
    List<Span> found = named(spans, name);
    assertEquals(1, found.size(), "one span named " + name + ": " + names(spans));
    return found.get(0);
  }

  private static List<String> names(List<Span> spans) {
    return spans.stream().map(Span::getName).collect(Collectors.toList());
  }

  /** The application's jar (or classes) and its runtime class path, as its build wrote it. */
  private static String appClasspath() throws Exception {
    String resource = "com/acme/petclinic/app.classpath";
    URL url = SpringBootIT.class.getClassLoader().getResource(resource);
    assertTrue(url != null, "testapp-spring-boot is not on the test class path");
    String own;
    if ("jar".equals(url.getProtocol())) {
      String path = url.getPath();
      own = Path.of(URI.create(path.substring(0, path.indexOf("!/")))).toString();
    } else {
      String path = Path.of(url.toURI()).toString();
      own = path.substring(0, path.length() - resource.length() - 1);
    }
    try (InputStream in = url.openStream()) {
      return own + File.pathSeparator + new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    }
  }
}
