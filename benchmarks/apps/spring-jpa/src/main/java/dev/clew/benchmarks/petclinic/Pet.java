package dev.clew.benchmarks.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import java.time.LocalDate;

@Entity
public class Pet {
  @Id @GeneratedValue private Long id;
  private String name;
  private String kind;
  private LocalDate birthDate;

  @ManyToOne(fetch = FetchType.LAZY)
  private Owner owner;

  protected Pet() {}

  Pet(String name, String kind, LocalDate birthDate) {
    this.name = name;
    this.kind = kind;
    this.birthDate = birthDate;
  }

  void setOwner(Owner owner) {
    this.owner = owner;
  }

  public Long getId() {
    return id;
  }

  public String getName() {
    return name;
  }

  public String getKind() {
    return kind;
  }

  public LocalDate getBirthDate() {
    return birthDate;
  }
}
