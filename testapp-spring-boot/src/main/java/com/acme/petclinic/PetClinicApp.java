package com.acme.petclinic;

import org.springframework.boot.CommandLineRunner;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.annotation.Bean;

/**
 * A small Spring Boot application; prints {@code listening <port>} once it serves with its data in place, and stops
 * when stdin closes.
 */
@SpringBootApplication
public class PetClinicApp {
  public static void main(String[] args) throws Exception {
    var context = SpringApplication.run(PetClinicApp.class, args);
    // after the runners, not when the web server starts: a test may ask for owner 1 at once
    System.out.println("listening " + ((WebServerApplicationContext) context).getWebServer().getPort());
    while (System.in.read() != -1) {
      // until the test closes stdin
    }
    context.close();
    System.out.println("stopped");
  }

  @Bean
  CommandLineRunner owners(OwnerRepository repository) {
    return args -> repository.save(new Owner(1L, "Ada Lovelace"));
  }
}
