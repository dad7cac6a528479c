package dev.clew.core.instrument;

import static net.bytebuddy.matcher.ElementMatchers.isSynthetic;
import static net.bytebuddy.matcher.ElementMatchers.nameContains;
import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.clew.bootstrap.AdviceErrors;
import dev.clew.bootstrap.IndyBootstrap;
import dev.clew.core.config.Config;
import dev.clew.core.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.utility.JavaModule;

/**
 * Turns the enabled {@link InstrumentationModule}s into one Byte Buddy agent. Advice is bound through
 * {@code invokedynamic} ({@link IndyBootstrap}) instead of being inlined, and every throwable it
 * raises is suppressed and counted in {@link AdviceErrors}. Classes already loaded are retransformed.
 */
public final class AgentInstaller {
  private AgentInstaller() {}

  public static void install(Instrumentation inst, Config config, ClassLoader agentLoader,
      List<InstrumentationModule> modules) throws Exception {
    long begin = System.nanoTime();
    disableNexus();
    AdviceDispatcher dispatcher = new AdviceDispatcher(agentLoader);
    IndyBootstrap.setResolver(dispatcher);

    Method bootstrap = IndyBootstrap.class.getMethod("bootstrap", MethodHandles.Lookup.class, String.class,
        MethodType.class, Object[].class);
    Advice.WithCustomMapping mapping = Advice.withCustomMapping()
        .bootstrap(bootstrap)
        .with(new Advice.AssignReturned.Factory().withSuppressed(Throwable.class));
    Advice.ExceptionHandler countErrors = new Advice.ExceptionHandler.Simple(MethodInvocation.invoke(
        new MethodDescription.ForLoadedMethod(AdviceErrors.class.getMethod("record", Throwable.class))));

    AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        // not HYBRID: described by reflection, the already loaded ForkJoinPool matched no submit method, so
        // CompletableFuture/ForkJoinPool tasks lost the context (executors' ContextHandOffTest failed)
        .with(AgentBuilder.DescriptionStrategy.Default.POOL_FIRST)
        .with(AgentBuilder.PoolStrategy.Default.FAST)
        .with(new Listener())
        .ignore(new IgnoredTypes(ignored()))
        .assureReadEdgeTo(inst, IndyBootstrap.class);

    Set<String> installed = new LinkedHashSet<>(); // two modules may share a name (apache-httpclient 4 and 5)
    for (InstrumentationModule module : modules) {
      if (!module.isEnabled(config)) {
        AgentLog.debug("instrumentation '" + module.name() + "' disabled by configuration");
        continue;
      }
      List<TypeInstrumentation> types;
      try {
        types = module.typeInstrumentations(config);
      } catch (Throwable t) {
        AgentLog.warn("instrumentation '" + module.name() + "' failed to describe itself; skipped", t);
        continue;
      }
      // modules that name no library classes skip the per-loader check altogether
      ReferenceMatcher references = module.requiredReferences().isEmpty() ? null : new ReferenceMatcher(module);
      for (TypeInstrumentation type : types) {
        List<Object[]> advices = new ArrayList<>();
        type.transform((methods, adviceClass) -> advices.add(new Object[] {methods, adviceClass}));
        AgentBuilder.Transformer.ForAdvice forAdvice = new AgentBuilder.Transformer.ForAdvice(mapping)
            .include(module.getClass().getClassLoader())
            .withExceptionHandler(countErrors);
        for (Object[] a : advices) {
          @SuppressWarnings("unchecked")
          ElementMatcher<? super MethodDescription> methods = (ElementMatcher<? super MethodDescription>) a[0];
          String adviceClass = (String) a[1];
          dispatcher.register(module, adviceClass);
          forAdvice = forAdvice.advice(methods, adviceClass);
        }
        builder = builder.type(new ModuleTypeMatcher(type, references)).transform(ClassFileVersionUpgrade.INSTANCE)
            .transform(forAdvice);
      }
      installed.add(module.name());
    }
    long built = System.nanoTime();
    builder.installOn(inst);
    AgentLog.debug("instrumentations installed: " + installed + " (agent built in " + (built - begin) / 1_000_000
        + " ms, installed and matched loaded classes in " + (System.nanoTime() - built) / 1_000_000 + " ms)");
  }

  /**
   * We never change class formats, so Byte Buddy's Nexus (live initializers) is not needed; switching it off
   * spares start-up time and keeps Byte Buddy from touching sun.misc.Unsafe, which Java 24+ warns about on
   * stderr. The property name is derived from the (relocated) package, so the application's own Byte Buddy
   * is not affected.
   */
  private static void disableNexus() {
    String property = ByteBuddy.class.getPackage().getName() + ".nexus.disabled";
    if (System.getProperty(property) == null) {
      System.setProperty(property, "true");
    }
  }

  /** Never instrumented: the agent itself, Byte Buddy, reflection and lambda plumbing. */
  private static ElementMatcher<TypeDescription> ignored() {
    return nameStartsWith("dev.clew.bootstrap.")
        .or(nameStartsWith("dev.clew.core."))
        .or(nameStartsWith("dev.clew.instrumentation."))
        .or(nameStartsWith("dev.clew.shaded."))
        .or(nameStartsWith("net.bytebuddy."))
        .or(nameStartsWith("sun.reflect."))
        .or(nameStartsWith("jdk.internal.reflect."))
        .or(nameStartsWith("java.lang.invoke."))
        .or(nameStartsWith("com.sun.proxy."))
        .or(nameStartsWith("jdk.proxy")) // JDK 16+ dynamic proxies: no class file to describe them from
        .or(nameContains("$$Lambda"))
        .or(nameContains("$ByteBuddy")) // also Byte Buddy's injected ClassLoader$ByteBuddyAccessor
        .or(isSynthetic());
  }

  /**
   * Types no module may touch, plus the bulk of the JDK's bootstrap classes that no module instruments:
   * matching them would cost start-up time for nothing (hundreds are loaded before the application starts).
   */
  private static final class IgnoredTypes implements AgentBuilder.RawMatcher {
    private static final String[] JDK_SKIPPED = {
      "java.lang.invoke.", "java.lang.reflect.", "java.lang.ref.", "java.lang.module.", "java.lang.constant.",
      "java.lang.annotation.", "java.io.", "java.nio.", "java.time.", "java.text.", "java.security.", "java.math.",
      "java.util.regex.", "java.util.stream.", "java.util.zip.", "java.util.jar.", "java.util.function.",
      "javax.", "com.sun.", "jdk.jfr.", "jdk.management.", "jdk.internal.", "sun."
    };
    /** Exceptions to JDK_SKIPPED: JDK internals that HTTP client modules instrument. */
    private static final String[] JDK_KEPT = {"jdk.internal.net.http.", "sun.net.www.protocol."};

    private final ElementMatcher<TypeDescription> always;

    IgnoredTypes(ElementMatcher<TypeDescription> always) {
      this.always = always;
    }

    @Override
    public boolean matches(TypeDescription type, ClassLoader loader, JavaModule module, Class<?> classBeingRedefined,
        java.security.ProtectionDomain protectionDomain) {
      if (loader == null && isSkippedJdkType(type.getName())) {
        return true;
      }
      return always.matches(type);
    }

    static boolean isSkippedJdkType(String name) {
      for (String kept : JDK_KEPT) {
        if (name.startsWith(kept)) {
          return false;
        }
      }
      for (String skipped : JDK_SKIPPED) {
        if (name.startsWith(skipped)) {
          return true;
        }
      }
      return false;
    }
  }

  /** Logs what was instrumented in debug mode, and every failure to instrument (throttled). */
  private static final class Listener extends AgentBuilder.Listener.Adapter {
    @Override
    public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
        DynamicType dynamicType) {
      AgentLog.debug("instrumented " + type.getName() + (loaded ? " (retransformed)" : ""));
    }

    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable t) {
      AgentLog.warnThrottled("transform-" + typeName, "could not instrument " + typeName + ": " + t);
    }
  }

}
