package dev.clew.bootstrap;

import java.lang.invoke.CallSite;
import java.lang.invoke.ConstantCallSite;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.AccessController;
import java.security.PrivilegedExceptionAction;

/**
 * The bootstrap method of every advice call site. Advice is not inlined into instrumented classes:
 * each call site is an {@code invokedynamic} that lands here once and is bound to the advice method as
 * loaded in a class loader that sees both the library and the agent core. The agent core installs
 * the {@link Resolver}; until it has, or if it fails, the call site does nothing. Binding runs on the
 * application's thread: under a SecurityManager it runs privileged, with the agent's permissions only.
 */
public final class IndyBootstrap {
  /** Implemented by the agent core. */
  public interface Resolver {
    MethodHandle resolve(String adviceClass, String adviceMethod, MethodType type, Class<?> instrumentedType)
        throws Throwable;
  }

  private static volatile Resolver resolver;

  private IndyBootstrap() {}

  public static void setResolver(Resolver r) {
    resolver = r;
  }

  /** Arguments as Byte Buddy's default resolver passes them: advice class, exit flag, instrumented type, method. */
  public static CallSite bootstrap(MethodHandles.Lookup lookup, String adviceMethod, MethodType type, Object... args) {
    MethodHandle target = null;
    try {
      final Resolver r = resolver;
      if (r != null) {
        final String adviceClass = (String) args[0];
        final Class<?> instrumentedType = (Class<?>) args[2];
        if (System.getSecurityManager() == null) {
          target = r.resolve(adviceClass, adviceMethod, type, instrumentedType);
        } else {
          target = AccessController.doPrivileged(new PrivilegedExceptionAction<MethodHandle>() {
            @Override
            public MethodHandle run() throws Exception {
              try {
                return r.resolve(adviceClass, adviceMethod, type, instrumentedType);
              } catch (Exception | Error e) {
                throw e;
              } catch (Throwable t) {
                throw new IllegalStateException(t);
              }
            }
          });
        }
      }
    } catch (Throwable t) {
      AdviceErrors.record(t);
    }
    if (target == null) {
      target = noop(type);
    }
    return new ConstantCallSite(target.asType(type));
  }

  /** A handle of the given type that ignores its arguments and returns the type's default value. */
  public static MethodHandle noop(MethodType type) {
    Class<?> rt = type.returnType();
    MethodHandle h;
    if (rt == void.class) {
      h = MethodHandles.constant(Object.class, null).asType(MethodType.methodType(void.class));
    } else if (rt.isPrimitive()) {
      Object zero = java.lang.reflect.Array.get(java.lang.reflect.Array.newInstance(rt, 1), 0);
      h = MethodHandles.constant(rt, zero);
    } else {
      h = MethodHandles.constant(rt, null);
    }
    return MethodHandles.dropArguments(h, 0, type.parameterList());
  }
}
