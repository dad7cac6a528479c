package com.acme.petclinic;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;

/** A small Spring Boot application; prints {@code listening <port>} once it serves, and stops when stdin closes. */
@SpringBootApplication
public class PetClinicApp {
  public static void main(String[] args) throws Exception {
    var context = SpringApplication.run(PetClinicApp.class, args);
    while (System.in.read() != -1) {
      // until the test closes stdin
    }
    context.close();
    System.out.println("stopped");
  }

  @Bean
  ApplicationListener<WebServerInitializedEvent> announcePort() {
    return event -> System.out.println("listening " + event.getWebServer().getPort());
  }

  @Bean
  CommandLineRunner owners(OwnerRepository repository) {
    return args -> repository.save(new Owner(1L, "Ada Lovelace"));
  }
}
