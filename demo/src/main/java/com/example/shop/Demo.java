package com.example.shop;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Small things the demo services share. */
final class Demo {
  private Demo() {}

  /** Says where a service listens, on stdout and (for scripts) in a file written atomically. */
  static void announce(String service, int port, String portFile) {
    System.out.println(service + " listening on http://127.0.0.1:" + port);
    if (portFile != null) {
      try {
        Path target = Path.of(portFile);
        Path tmp = Files.createTempFile(target.toAbsolutePath().getParent(), "port", ".tmp");
        Files.writeString(tmp, String.valueOf(port), StandardCharsets.US_ASCII);
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
