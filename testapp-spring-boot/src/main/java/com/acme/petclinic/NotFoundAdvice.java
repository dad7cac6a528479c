package com.acme.petclinic;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;

/** An unknown owner is the client's mistake: 404, not an error of the service. */
@ControllerAdvice
public class NotFoundAdvice {
  @ExceptionHandler(OwnerNotFoundException.class)
  public ResponseEntity<String> notFound(OwnerNotFoundException e) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND).body(e.getMessage());
  }
}
