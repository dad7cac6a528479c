package dev.clew.benchmarks.petclinic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/** The benchmark's endpoints answer with the seeded data (the app starts once, on a free port). */
class PetClinicSmokeTest {
  private static HttpServer downstream;
  private static ConfigurableApplicationContext app;
  private static String base;
  private final HttpClient http = HttpClient.newHttpClient();

  @BeforeAll
  static void start() throws Exception {
    downstream = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    downstream.createContext("/", exchange -> {
      exchange.sendResponseHeaders(204, -1);
      exchange.close();
    });
    downstream.start();
    app = SpringApplication.run(PetClinicApplication.class, "--server.port=0", "--logging.level.root=ERROR",
        "--petclinic.downstream-url=http://127.0.0.1:" + downstream.getAddress().getPort() + "/check");
    base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port");
  }

  @AfterAll
  static void stop() {
    if (app != null) {
      app.close();
    }
    downstream.stop(0);
  }

  private HttpResponse<String> get(String path) throws Exception {
    return http.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void findsOwnersByLastNameWithTheirPets() throws Exception {
    HttpResponse<String> r = get("/owners?lastName=Dav");
    assertEquals(200, r.statusCode());
    assertEquals(10, r.body().split("\"name\":\"Owner").length - 1, r.body());
    assertTrue(r.body().contains("\"name\":\"Leo1\",\"kind\":\"cat\""), r.body());
  }

  @Test
  void unknownOwnerIsNotFound() throws Exception {
    assertEquals(404, get("/owners/100000").statusCode());
  }

  @Test
  void checkedOwnerCallsDownstream() throws Exception {
    HttpResponse<String> r = get("/owners/3/checked");
    assertEquals(200, r.statusCode());
    assertTrue(r.body().contains("\"downstreamStatus\":204"), r.body());
    assertTrue(r.body().contains("Owner2 Rodriquez"), r.body());
  }
}
