package dev.clew.core.instrument;

import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.UndeclaredThrowableException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.Test;

class WrapperExceptionsTest {
  private final IllegalStateException application = new IllegalStateException("the application's");

  @Test
  void nestedWrappersAreTakenOff() {
    Throwable wrapped = new UndeclaredThrowableException(new InvocationTargetException(
        new CompletionException(new ExecutionException(application))));
    assertSame(application, WrapperExceptions.unwrap(wrapped));
  }

  @Test
  void anExceptionThatIsNoWrapperStays() {
    RuntimeException withCause = new RuntimeException("own", application);
    assertSame(withCause, WrapperExceptions.unwrap(withCause), "only known wrappers are unwrapped");
  }

  @Test
  void aWrapperWithoutCauseStays() {
    CompletionException alone = new CompletionException("no cause", null);
    assertSame(alone, WrapperExceptions.unwrap(alone));
  }

  @Test
  void aSubclassOfAWrapperIsTheApplicationsOwn() {
    ExecutionException own = new ExecutionException("own", application) {
      private static final long serialVersionUID = 1L;
    };
    assertSame(own, WrapperExceptions.unwrap(own));
  }

  @Test
  void theWalkIsBounded() {
    Throwable deep = application;
    for (int i = 0; i < 50; i++) {
      deep = new ExecutionException(deep);
    }
    assertTrue(WrapperExceptions.unwrap(deep) instanceof ExecutionException, "stops after a few levels");
  }

  @Test
  void nullIsNull() {
    assertSame(null, WrapperExceptions.unwrap(null));
  }
}
