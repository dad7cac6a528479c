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

  @java.lang.annotation.Retention(java.lang.annotation.RetentionPolicy.RUNTIME)
  public @interface Traced {}

  /** Uses {@link Traced} on a method, next to wide constants (which take two constant pool slots). */
  public static class Annotated {
    static final long WIDE = 0x1234_5678_9abc_def0L;
    static final double WIDER = 2.718281828459045;

    @Traced
    public long work() {
      return WIDE + (long) WIDER;
    }
  }
}
