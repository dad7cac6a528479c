package dev.clew.benchmarks.petclinic;

import java.time.LocalDate;
import java.util.List;

/** What the API returns: plain records, so JSON never touches lazy JPA proxies. */
record OwnerView(long id, String name, String city, List<PetView> pets) {
  record PetView(String name, String kind, LocalDate birthDate) {}

  static OwnerView of(Owner o) {
    List<PetView> pets = o.getPets().stream().map(p -> new PetView(p.getName(), p.getKind(), p.getBirthDate())).toList();
    return new OwnerView(o.getId(), o.getFirstName() + " " + o.getLastName(), o.getCity(), pets);
  }
}
