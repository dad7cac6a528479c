package dev.clew.benchmarks.petclinic;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * A small pet clinic: owners and their pets in H2 through Spring Data JPA (Hibernate, HikariCP), served by
 * Spring MVC on embedded Tomcat. It holds no tracing code; the benchmark attaches agents with -javaagent.
 * {@code server.port} (default 8080, 0 for any free port) and {@code petclinic.downstream-url} configure it.
 */
@SpringBootApplication
public class PetClinicApplication {
  public static void main(String[] args) {
    SpringApplication.run(PetClinicApplication.class, args);
  }
}
