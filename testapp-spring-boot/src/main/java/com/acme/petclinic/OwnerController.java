package com.acme.petclinic;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.client.RestClient;

@RestController
public class OwnerController {
  private final OwnerRepository owners;
  private final RestClient client = RestClient.create();

  OwnerController(OwnerRepository owners) {
    this.owners = owners;
  }

  @GetMapping("/")
  public String home() {
    return "petclinic";
  }

  /** The owner from the database, and the number of vets from another endpoint (over HTTP). */
  @GetMapping("/owners/{id}")
  public Map<String, Object> owner(@PathVariable("id") long id, HttpServletRequest request) {
    Owner owner = owners.findById(id).orElseThrow(() -> new OwnerNotFoundException(id));
    Integer vets = client.get().uri("http://127.0.0.1:" + request.getLocalPort() + "/vets/count")
        .retrieve().body(Integer.class);
    return Map.of("name", owner.getName(), "vets", vets);
  }

  @GetMapping("/vets/count")
  public int vets() {
    return 3;
  }

  @GetMapping("/owners/{id}/fail")
  public String fail(@PathVariable("id") long id) {
    throw new IllegalStateException("owner " + id + " cannot be loaded");
  }
}
