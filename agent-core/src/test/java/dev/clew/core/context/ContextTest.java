package dev.clew.core.context;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Values under keys, whichever order they are added in, and the primary key's own slot. */
class ContextTest {
  private static final ContextKey<String> PRIMARY = ContextKey.primary("test.primary");
  private static final ContextKey<String> OTHER_PRIMARY = ContextKey.primary("test.other-primary");
  private static final ContextKey<String> A = ContextKey.named("test.a");
  private static final ContextKey<String> B = ContextKey.named("test.b");

  @Test
  void valuesAreFoundWhateverTheOrderTheyWereAddedIn() {
    Context primaryFirst = Context.root().with(PRIMARY, "p").with(A, "a").with(B, "b");
    Context primaryLast = Context.root().with(A, "a").with(B, "b").with(PRIMARY, "p");
    for (Context c : new Context[] {primaryFirst, primaryLast}) {
      assertEquals("p", c.get(PRIMARY));
      assertEquals("a", c.get(A));
      assertEquals("b", c.get(B));
    }
    assertNull(Context.root().get(PRIMARY));
    assertNull(primaryFirst.get(OTHER_PRIMARY));
  }

  @Test
  void replacingAValueLeavesTheOriginalAndTheOtherValuesAlone() {
    Context one = Context.root().with(A, "a").with(PRIMARY, "p1");
    Context two = one.with(PRIMARY, "p2").with(A, "a2");
    assertEquals("p1", one.get(PRIMARY));
    assertEquals("a", one.get(A));
    assertEquals("p2", two.get(PRIMARY));
    assertEquals("a2", two.get(A));
  }

  @Test
  void storingWhatIsAlreadyThereGivesTheSameContext() {
    Context c = Context.root().with(PRIMARY, "p").with(A, "a");
    assertSame(c, c.with(PRIMARY, "p"));
    assertSame(c, c.with(A, "a"));
    assertSame(c, c.with((ContextValue) null));
  }

  @Test
  void aSecondPrimaryKeyIsKeptAsAnOrdinaryEntry() {
    Context c = Context.root().with(PRIMARY, "p").with(OTHER_PRIMARY, "q");
    assertEquals("p", c.get(PRIMARY));
    assertEquals("q", c.get(OTHER_PRIMARY));
    assertEquals("q", c.with(PRIMARY, "p2").get(OTHER_PRIMARY));
  }

  @Test
  void aContextValueStoresItselfUnderItsOwnKey() {
    ContextValue value = context -> context.with(A, "from value");
    Context c = Context.root().with(value);
    assertEquals("from value", c.get(A));
    assertTrue(!c.isRoot() && Context.root().isRoot());
  }
}
