package dev.clew.benchmarks.petclinic;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The endpoints the benchmark calls: {@code /owners?lastName=} (one JPA query), {@code /owners/{id}} (one JPA
 * query) and {@code /owners/{id}/checked} (one JPA query and one outgoing HTTP call to
 * {@code petclinic.downstream-url}, the same work per request as the benchmark's servlet app).
 */
@RestController
@Transactional(readOnly = true)
public class OwnerController {
  private final OwnerRepository owners;
  private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String downstream;

  OwnerController(OwnerRepository owners, @Value("${petclinic.downstream-url:}") String downstream) {
    this.owners = owners;
    this.downstream = downstream;
  }

  @GetMapping("/owners")
  public List<OwnerView> find(@RequestParam(defaultValue = "") String lastName) {
    return owners.findWithPetsByLastNamePrefix(lastName).stream().map(OwnerView::of).toList();
  }

  @GetMapping("/owners/{id}")
  public OwnerView owner(@PathVariable long id) {
    return owners.findWithPets(id).map(OwnerView::of)
        .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no owner " + id));
  }

  @GetMapping("/owners/{id}/checked")
  public Map<String, Object> checked(@PathVariable long id) throws IOException, InterruptedException {
    if (downstream.isEmpty()) {
      throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, "petclinic.downstream-url is not set");
    }
    OwnerView owner = owner(id);
    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(downstream)).GET().build(),
        HttpResponse.BodyHandlers.discarding());
    return Map.of("owner", owner, "downstreamStatus", response.statusCode());
  }
}
