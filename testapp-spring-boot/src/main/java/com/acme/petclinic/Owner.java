package com.acme.petclinic;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
public class Owner {
  @Id
  private Long id;
  private String name;

  protected Owner() {}

  Owner(Long id, String name) {
    this.id = id;
    this.name = name;
  }

  public String getName() {
    return name;
  }
}
