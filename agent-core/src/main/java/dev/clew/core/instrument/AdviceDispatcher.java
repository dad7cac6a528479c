package dev.clew.core.instrument;

import dev.clew.bootstrap.IndyBootstrap;
import dev.clew.core.log.AgentLog;
import java.lang.invoke.MethodHandle;
import java.lang.ref.WeakReference;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.security.ProtectionDomain;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Binds advice call sites: finds the module that owns an advice class, loads the class in that
 * module's {@link AdviceClassLoader} for the instrumented class's loader, and returns its method.
 * A failure here disables only that call site (it becomes a no-op) and is logged.
 */
final class AdviceDispatcher implements IndyBootstrap.Resolver {
  private static final class ModuleLoaders {
    final InstrumentationModule module;
    final String[] helperPrefixes;
    final ProtectionDomain domain; // the module's jar: helpers get the permissions a policy grants it
    // weak values too: an advice loader references its library loader's classes (the JVM keeps the library
    // loader alive for it), so a strong value would keep an undeployed web application loaded forever. The
    // advice loader stays alive through the call sites bound to its advice in the library's classes.
    final Map<ClassLoader, WeakReference<AdviceClassLoader>> byLoader = new WeakHashMap<>();
    volatile AdviceClassLoader forBootstrap;

    ModuleLoaders(InstrumentationModule module) {
      this.module = module;
      this.helperPrefixes = module.helperPackages().toArray(new String[0]);
      this.domain = module.getClass().getProtectionDomain();
    }
  }

  private final ClassLoader agentLoader;
  private final Map<String, ModuleLoaders> byAdviceClass = new ConcurrentHashMap<>();
  private final Map<InstrumentationModule, ModuleLoaders> byModule = new ConcurrentHashMap<>();

  AdviceDispatcher(ClassLoader agentLoader) {
    this.agentLoader = agentLoader;
  }

  void register(InstrumentationModule module, String adviceClass) {
    byAdviceClass.put(adviceClass, byModule.computeIfAbsent(module, ModuleLoaders::new));
  }

  @Override
  public MethodHandle resolve(String adviceClass, String adviceMethod, MethodType type, Class<?> instrumentedType)
      throws Throwable {
    ModuleLoaders m = byAdviceClass.get(adviceClass);
    if (m == null) {
      AgentLog.warn("no instrumentation module owns advice " + adviceClass);
      return null;
    }
    try {
      AdviceClassLoader loader = loaderFor(m, instrumentedType.getClassLoader());
      Class<?> advice = Class.forName(adviceClass, true, loader);
      return MethodHandles.publicLookup().findStatic(advice, adviceMethod, type);
    } catch (Throwable t) {
      AgentLog.warn("instrumentation '" + m.module.name() + "' cannot run its advice on "
          + instrumentedType.getName() + "; that call site is disabled", t);
      return null;
    }
  }

  private AdviceClassLoader newLoader(ModuleLoaders m, ClassLoader target) {
    return new AdviceClassLoader(target, agentLoader, m.module.getClass().getClassLoader(), m.helperPrefixes,
        m.module.getClass().getName(), m.domain);
  }

  private AdviceClassLoader loaderFor(ModuleLoaders m, ClassLoader target) {
    if (target == null) {
      AdviceClassLoader l = m.forBootstrap;
      if (l == null) {
        synchronized (m) {
          l = m.forBootstrap;
          if (l == null) {
            m.forBootstrap = l = newLoader(m, null);
          }
        }
      }
      return l;
    }
    synchronized (m.byLoader) {
      WeakReference<AdviceClassLoader> ref = m.byLoader.get(target);
      AdviceClassLoader l = ref == null ? null : ref.get();
      if (l == null) {
        l = newLoader(m, target);
        m.byLoader.put(target, new WeakReference<>(l));
      }
      return l;
    }
  }
}
