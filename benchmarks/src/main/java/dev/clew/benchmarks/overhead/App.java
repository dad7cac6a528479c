package dev.clew.benchmarks.overhead;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** An application the benchmark runs: how to launch it on a port, and the request the load repeats. */
final class App {
  final String name;
  final String title;
  final String path;
  private final Path artifact;
  private final List<String> command;

  private App(String name, String title, String path, Path artifact, List<String> command) {
    this.name = name;
    this.title = title;
    this.path = path;
    this.artifact = artifact;
    this.command = command;
  }

  /** The applications under {@code benchmarks/apps}, built by {@code benchmarks/overhead.sh}. */
  static List<App> all(Path root) {
    Path servlet = root.resolve("benchmarks/apps/servlet-jdbc/target");
    Path spring = root.resolve("benchmarks/apps/spring-jpa/target/spring-jpa-app.jar");
    List<App> apps = new ArrayList<>();
    apps.add(new App("servlet-jdbc",
        "servlet app (embedded Jetty 12, per request 1 JDBC query on H2 via HikariCP + 1 HttpClient call to a"
            + " second servlet)",
        "/items/7", servlet.resolve("classes"),
        List.of("-cp", servlet.resolve("classes") + java.io.File.pathSeparator + servlet.resolve("lib") + "/*",
            "dev.clew.benchmarks.apps.servlet.ServletApp", "--port={port}")));
    apps.add(new App("spring-jpa",
        "Spring Boot 4 pet clinic (Spring MVC, JPA/Hibernate, HikariCP, H2, embedded Tomcat 11; per request 1 JPA"
            + " query + 1 HttpClient call to /owners/1 of the same app)",
        "/owners/3/checked", spring,
        List.of("-jar", spring.toString(), "--server.port={port}", "--server.address=127.0.0.1",
            "--petclinic.downstream-url=http://127.0.0.1:{port}/owners/1")));
    return apps;
  }

  boolean built() {
    return Files.exists(artifact);
  }

  /** The arguments after the JVM options. */
  List<String> command(int port) {
    List<String> out = new ArrayList<>(command.size());
    for (String c : command) {
      out.add(c.replace("{port}", Integer.toString(port)));
    }
    return out;
  }

  @Override
  public String toString() {
    return name;
  }
}
