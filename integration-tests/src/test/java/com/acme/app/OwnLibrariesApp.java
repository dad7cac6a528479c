package com.acme.app;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.implementation.FixedValue;
import net.bytebuddy.matcher.ElementMatchers;

/** An application that ships its own Byte Buddy and Jackson, uses both, and probes for the agent's classes. */
public final class OwnLibrariesApp {
  public static void main(String[] args) throws Exception {
    Class<?> generated = new ByteBuddy()
        .subclass(Object.class)
        .method(ElementMatchers.named("toString"))
        .intercept(FixedValue.value("made by the app's byte buddy"))
        .make()
        .load(OwnLibrariesApp.class.getClassLoader())
        .getLoaded();
    System.out.println("bytebuddy: " + generated.getDeclaredConstructor().newInstance());
    System.out.println("bytebuddy jar: " + ByteBuddy.class.getProtectionDomain().getCodeSource().getLocation());
    try (JsonParser p = new JsonFactory().createParser("{\"answer\": 42}")) {
      while (p.nextToken() != null) {
        if (p.currentToken() == JsonToken.VALUE_NUMBER_INT) {
          System.out.println("jackson: " + p.getIntValue());
        }
      }
    }
    System.out.println("jackson version: " + com.fasterxml.jackson.core.json.PackageVersion.VERSION);
    for (String name : new String[] {"dev.clew.core.AgentStarter", "dev.clew.core.trace.TracerProvider",
        "dev.clew.shaded.bytebuddy.ByteBuddy", "dev.clew.instrumentation.methods.MethodAdvice"}) {
      try {
        Class.forName(name);
        System.out.println("visible: " + name);
      } catch (ClassNotFoundException e) {
        System.out.println("hidden: " + name);
      }
    }
    System.out.println("result: " + new Work().compute(20));
  }

  /** Traced through method-tracing configuration. */
  public static final class Work {
    public int compute(int n) {
      return n + 22;
    }
  }
}
