package dev.clew.core.export.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.clew.core.config.Config;
import dev.clew.core.export.otlp.OtlpHttpExporter;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** HTTPS to a backend whose certificate is signed by nobody the JDK trusts, only by the configured PEM. */
class CustomCaTest {
  @TempDir
  static Path dir;
  private static WireMockServer backend;
  private static File pem;

  @BeforeAll
  static void startTlsBackend() throws Exception {
    File keystore = dir.resolve("server.p12").toFile();
    pem = dir.resolve("ca.pem").toFile();
    keytool("-genkeypair", "-alias", "server", "-keyalg", "RSA", "-keysize", "2048", "-validity", "2",
        "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-storetype", "PKCS12",
        "-keystore", keystore.getPath(), "-storepass", "changeit", "-keypass", "changeit");
    keytool("-exportcert", "-rfc", "-alias", "server", "-keystore", keystore.getPath(), "-storepass", "changeit",
        "-file", pem.getPath());
    backend = new WireMockServer(options().httpDisabled(true).dynamicHttpsPort().bindAddress("127.0.0.1")
        .keystorePath(keystore.getPath()).keystorePassword("changeit").keyManagerPassword("changeit")
        .keystoreType("PKCS12"));
    backend.start();
    backend.stubFor(post("/v1/traces").willReturn(aResponse().withStatus(200)));
  }

  @AfterAll
  static void stop() {
    if (backend != null) {
      backend.stop();
    }
  }

  private static void keytool(String... args) throws Exception {
    String[] cmd = new String[args.length + 1];
    cmd[0] = System.getProperty("java.home") + "/bin/keytool";
    System.arraycopy(args, 0, cmd, 1, args.length);
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(60, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), out);
  }

  private HttpSender.Result send(Map<String, String> extra) {
    Map<String, String> m = new HashMap<>(extra);
    m.put("otel.exporter.otlp.traces.endpoint", "https://127.0.0.1:" + backend.httpsPort() + "/v1/traces");
    return new HttpSender("otlp", OtlpHttpExporter.settings(Config.of(m), 5_000))
        .send(new byte[] {1, 2, 3}, "application/x-protobuf");
  }

  @Test
  void trustsTheConfiguredCertificate() {
    assertTrue(send(Map.of("otel.exporter.otlp.certificate", pem.getPath())).success);
  }

  @Test
  void signalSpecificCertificateWins() {
    assertTrue(send(Map.of("otel.exporter.otlp.certificate", "/nonexistent.pem",
        "otel.exporter.otlp.traces.certificate", pem.getPath())).success);
  }

  @Test
  void withoutTheCertificateTheHandshakeFails() {
    HttpSender.Result r = send(Map.of());
    assertFalse(r.success);
    assertEquals(-1, r.status);
  }
}
