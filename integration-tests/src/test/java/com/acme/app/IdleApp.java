package com.acme.app;

/** Says it is up, then waits until its standard input closes (or a minute passes): a JVM for jcmd to look at. */
public final class IdleApp {
  public static void main(String[] args) throws Exception {
    System.out.println("ready");
    long deadline = System.nanoTime() + 60_000_000_000L;
    while (System.in.available() == 0 && System.nanoTime() < deadline) {
      Thread.sleep(50);
    }
  }
}
