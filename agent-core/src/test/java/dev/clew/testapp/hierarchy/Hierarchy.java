package dev.clew.testapp.hierarchy;

/**
 * A small type hierarchy for the class filter's tests, outside the packages the agent never instruments
 * ({@code dev.clew.core} is one of them).
 */
public final class Hierarchy {
  private Hierarchy() {}

  public interface Relevant {}

  public interface SubInterface extends Relevant {}

  public abstract static class Base implements Relevant {}

  public static class Leaf extends Base {}

  public static class ViaInterface implements Runnable, SubInterface {
    @Override
    public void run() {}
  }

  public static class Unrelated extends Thread implements Comparable<Unrelated> {
    @Override
    public int compareTo(Unrelated o) {
      return 0;
    }
  }
}
