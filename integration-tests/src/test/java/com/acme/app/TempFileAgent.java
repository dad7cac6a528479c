package com.acme.app;

import java.io.File;

/** Another agent listed before clew whose premain makes a temporary file (as profilers and APM agents do). */
public final class TempFileAgent {
  private TempFileAgent() {}

  public static void premain(String args) throws Exception {
    File f = File.createTempFile("other-agent", ".tmp");
    if (!f.delete()) {
      f.deleteOnExit();
    }
  }
}
