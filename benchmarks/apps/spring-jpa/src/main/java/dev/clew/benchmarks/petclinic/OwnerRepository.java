package dev.clew.benchmarks.petclinic;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OwnerRepository extends JpaRepository<Owner, Long> {
  /** One SELECT: owners and their pets joined. */
  @Query("select distinct o from Owner o left join fetch o.pets where o.lastName like :prefix% order by o.id")
  List<Owner> findWithPetsByLastNamePrefix(@Param("prefix") String prefix);

  @Query("select o from Owner o left join fetch o.pets where o.id = :id")
  Optional<Owner> findWithPets(@Param("id") Long id);
}
