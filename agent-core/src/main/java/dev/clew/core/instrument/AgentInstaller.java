package dev.clew.core.instrument;

import dev.clew.bootstrap.AdviceErrors;
import dev.clew.bootstrap.IndyBootstrap;
import dev.clew.core.config.Config;
import dev.clew.core.log.AgentLog;
import java.io.IOException;
import java.io.InputStream;
import java.lang.instrument.Instrumentation;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Method;
import java.net.URL;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.agent.builder.ResettableClassFileTransformer;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.dynamic.scaffold.TypeValidation;
import net.bytebuddy.implementation.bytecode.member.MethodInvocation;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;
import net.bytebuddy.utility.JavaModule;

/**
 * Turns the enabled {@link InstrumentationModule}s into one Byte Buddy agent. Advice is bound through
 * {@code invokedynamic} ({@link IndyBootstrap}) instead of being inlined, and every throwable it
 * raises is suppressed and counted in {@link AdviceErrors}. Classes already loaded are retransformed.
 */
public final class AgentInstaller {
  private AgentInstaller() {}

  /** Installs the modules' instrumentation; the transformer returned is for tests to reset. */
  public static ResettableClassFileTransformer install(Instrumentation inst, Config config, ClassLoader agentLoader,
      List<InstrumentationModule> modules) throws Exception {
    long begin = System.nanoTime();
    loadClassFileReaders();
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

    ClassLoadingQuiet quiet = new ClassLoadingQuiet();
    ClassFilter filter = new ClassFilter(quiet);
    FilteringTransformer filtering = new FilteringTransformer(filter);
    LoadedClassFilter loadedClassFilter = new LoadedClassFilter(filter,
        // not HYBRID: described by reflection, the already loaded ForkJoinPool matched no submit method, so
        // CompletableFuture/ForkJoinPool tasks lost the context (executors' ContextHandOffTest failed)
        AgentBuilder.DescriptionStrategy.Default.POOL_FIRST);
    AgentBuilder builder = new AgentBuilder.Default(new ByteBuddy().with(TypeValidation.DISABLED))
        // advice only visits the class file's own methods: decorating skips the method graph and method registry
        // that redefining builds over the whole hierarchy (a seventh of the install-time retransformation)
        .with(AgentBuilder.TypeStrategy.Default.DECORATE)
        .disableClassFormatChanges()
        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
        .with(loadedClassFilter)
        .with(new TypePoolCache(quiet))
        .with(SeenClassFiles.INSTANCE)
        .with(new Listener())
        .with(filtering)
        .ignore(IgnoredTypes.INSTANCE).or(loadedClassFilter)
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
        filter.add(type.classLoaderMatcher(), type.relevantTypes(), type.relevantAnnotations());
        builder = builder.type(new ModuleTypeMatcher(type, references)).transform(ClassFileVersionUpgrade.INSTANCE)
            .transform(forAdvice);
      }
      installed.add(module.name());
    }
    long built = System.nanoTime();
    ResettableClassFileTransformer transformer = builder.installOn(inst);
    AgentLog.debug("instrumentations installed: " + installed + " (agent built in " + (built - begin) / 1_000_000
        + " ms, installed and matched loaded classes in " + (System.nanoTime() - built) / 1_000_000 + " ms)");
    if (AgentLog.isDebug()) {
      Thread report = new Thread(() -> AgentLog.debug(filtering.stats()), "clew-class-filter-stats");
      report.setDaemon(true);
      Runtime.getRuntime().addShutdownHook(report);
    }
    return transformer;
  }

  /**
   * The class filter and Byte Buddy read class files through {@code jrt:} and {@code jar:} URLs. One read of each
   * kind here, before the transformer exists, loads the classes those reads use (URL handlers, connections, the
   * runtime image reader). Loaded later (e.g. when another agent's premain already created the first URLs), the
   * transformer would see one of them being defined, reading its ancestors would need that very class, and the
   * JVM would keep the resulting ClassCircularityError in the caller's constant pool for good: every later
   * {@code jrt:} URL of the application would fail.
   */
  private static void loadClassFileReaders() {
    readFully(ClassLoader.getSystemResource("java/lang/Object.class")); // jrt: on Java 9+, jar: on Java 8
    try {
      // the agent's own jar is on the system class path: a jar: URL read like an application's class file
      readFully(ClassLoader.getSystemResources("META-INF/MANIFEST.MF").nextElement());
    } catch (IOException | RuntimeException e) {
      AgentLog.debug("jar: reads not exercised ahead of the transformer: " + e);
    }
  }

  private static void readFully(URL url) {
    if (url == null) {
      return;
    }
    try (InputStream in = url.openStream()) {
      byte[] buffer = new byte[4096];
      while (in.read(buffer) >= 0) {
        // drain
      }
    } catch (IOException | RuntimeException e) {
      AgentLog.debug("could not read " + url + " ahead of the transformer: " + e);
    }
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

  /** Logs what was instrumented in debug mode, and every failure to instrument (throttled). */
  private static final class Listener extends AgentBuilder.Listener.Adapter {
    @Override
    public void onTransformation(TypeDescription type, ClassLoader loader, JavaModule module, boolean loaded,
        DynamicType dynamicType) {
      AgentLog.debug("instrumented " + type.getName() + (loaded ? " (retransformed)" : ""));
    }

    @Override
    public void onError(String typeName, ClassLoader loader, JavaModule module, boolean loaded, Throwable t) {
      if (t instanceof TypePool.Resolution.NoSuchTypeException) {
        // a type it builds on is missing from its loader (e.g. Netty's optional Log4J2Logger without Log4j):
        // the JVM cannot define it either, and libraries probe such classes on purpose; nothing to warn about
        AgentLog.debug("not instrumented " + typeName + ": " + t.getMessage());
        return;
      }
      AgentLog.warnThrottled("transform-" + typeName, "could not instrument " + typeName + ": " + t);
    }
  }

}
