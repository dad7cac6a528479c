package com.acme.petclinic;

public class OwnerNotFoundException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  OwnerNotFoundException(long id) {
    super("no owner " + id);
  }
}
