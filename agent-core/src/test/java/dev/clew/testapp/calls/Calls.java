package dev.clew.testapp.calls;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * What test advice saw. Outside the advice's helper package, so one copy is shared by every advice class
 * loader (as the agent core is), and the test can read it.
 */
public final class Calls {
  public static final List<String> SEEN = new CopyOnWriteArrayList<>();

  private Calls() {}
}
