package dev.clew.benchmarks.petclinic;

import java.time.LocalDate;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/** A fixed data set (owners with two pets each), inserted at start so every run queries the same rows. */
@Component
class SampleData implements ApplicationRunner {
  private static final String[] LAST_NAMES = {"Franklin", "Davis", "Rodriquez", "Black", "Escobito", "Schroeder",
      "Estaban", "Coleman", "McTavish", "Harris"};
  private static final String[] CITIES = {"Madison", "Sun Prairie", "McFarland", "Windsor", "Monona"};

  private final OwnerRepository owners;

  SampleData(OwnerRepository owners) {
    this.owners = owners;
  }

  @Override
  public void run(ApplicationArguments args) {
    for (int i = 0; i < 100; i++) {
      Owner o = new Owner("Owner" + i, LAST_NAMES[i % LAST_NAMES.length], CITIES[i % CITIES.length]);
      o.addPet(new Pet("Leo" + i, "cat", LocalDate.of(2015 + i % 8, 1 + i % 12, 1 + i % 28)));
      o.addPet(new Pet("Basil" + i, "dog", LocalDate.of(2012 + i % 8, 1 + i % 12, 1 + i % 28)));
      owners.save(o);
    }
  }
}
