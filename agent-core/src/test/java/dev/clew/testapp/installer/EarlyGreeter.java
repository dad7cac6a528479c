package dev.clew.testapp.installer;

/** Instrumented by {@code AgentInstallerTest}: loaded before the agent is installed, so retransformed. */
public class EarlyGreeter {
  public String greet(String name) {
    return "hi " + name;
  }
}
