package dev.clew.testapp.installer;

/** Instrumented by {@code AgentInstallerTest}: loaded only after the agent is installed. */
public class Greeter {
  public String greet(String name) {
    return "hello " + name;
  }

  public String fail(String name) {
    return "failed " + name;
  }
}
