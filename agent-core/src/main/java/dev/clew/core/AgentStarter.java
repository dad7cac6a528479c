package dev.clew.core;

import dev.clew.bootstrap.AdviceErrors;
import dev.clew.bootstrap.CurrentSpanIds;
import dev.clew.core.config.Config;
import dev.clew.core.export.SpanExporters;
import dev.clew.core.instrument.AgentInstaller;
import dev.clew.core.instrument.CompilerDirective;
import dev.clew.core.instrument.ExtensionClassLoader;
import dev.clew.core.instrument.InstrumentationModule;
import dev.clew.core.instrument.logging.CurrentSpanIdsSource;
import dev.clew.core.log.AgentLog;
import dev.clew.core.propagation.Propagators;
import dev.clew.core.sampling.Samplers;
import dev.clew.core.sampling.TailSamplingProcessor;
import dev.clew.core.trace.ExportStats;
import dev.clew.core.trace.Resource;
import dev.clew.core.trace.SpanLimits;
import dev.clew.core.trace.SpanProcessor;
import dev.clew.core.trace.TracerProvider;
import dev.clew.core.util.AgentThread;
import dev.clew.core.util.AgentVersion;
import java.io.File;
import java.lang.instrument.Instrumentation;
import java.net.URL;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;

/** Starts the agent inside the agent class loader: configuration, tracer, exporters, instrumentation. */
public final class AgentStarter {
  private AgentStarter() {}

  public static void start(Instrumentation inst, String args, File agentJar) {
    long begin = System.nanoTime();
    try {
      Config config = Config.load();
      AgentLog.setDebug(config.getBoolean("clew.debug", false));
      if (!config.getBoolean("otel.javaagent.enabled", true)) {
        AgentLog.info("clew is disabled (otel.javaagent.enabled=false)");
        return;
      }
      CompilerDirective.apply(inst, config); // first: Byte Buddy runs hot from here on
      AdviceErrors.setListener(t -> AgentLog.warnThrottled("advice-" + t.getClass().getName(),
          "instrumentation advice failed and was suppressed: " + t));
      TracerProvider provider = createTracerProvider(config);
      TracerProvider.setGlobal(provider);
      Propagators.setGlobal(Propagators.fromConfig(config));
      CurrentSpanIds.setSource(new CurrentSpanIdsSource());
      registerShutdownHook(provider, config);

      ClassLoader agentLoader = AgentStarter.class.getClassLoader();
      List<InstrumentationModule> modules = loadModules(agentLoader, config);
      AgentInstaller.install(inst, config, agentLoader, modules);
      AgentLog.debug("clew " + AgentVersion.VERSION + " started in " + (System.nanoTime() - begin) / 1_000_000
          + " ms; service.name=" + provider.resource().serviceName() + ", sampler="
          + provider.sampler().description());
    } catch (Throwable t) {
      AgentLog.error("clew failed to start, the application runs without tracing: " + t, t);
    }
  }

  public static TracerProvider createTracerProvider(Config config) {
    ExportStats stats = new ExportStats();
    List<SpanProcessor> processors = TailSamplingProcessor.wrapIfEnabled(config,
        SpanExporters.processorsFromConfig(config, stats));
    return new TracerProvider(Resource.fromConfig(config), Samplers.fromConfig(config), SpanLimits.from(config),
        processors, stats).recordThreadDetails(config.getBoolean("otel.javaagent.add-thread-details", true));
  }

  /**
   * Makes every component ask the configuration for its keys, as a start would, without installing
   * anything or exporting: the {@code config} command then lists them with their values and defaults.
   */
  public static void askAllKeys(Config config, ClassLoader agentLoader) {
    config.getBoolean("clew.debug", false);
    config.getBoolean("otel.javaagent.enabled", true);
    CompilerDirective.isEnabled(config);
    shutdownTimeout(config);
    statsInterval(config);
    createTracerProvider(config).shutdown(1000);
    Propagators.fromConfig(config);
    SpanExporters.askAllKeys(config);
    try {
      for (InstrumentationModule m : loadModules(agentLoader, config)) {
        try {
          m.isEnabled(config); // reads its switch
          m.typeInstrumentations(config); // disabled ones too: the listing shows every key
        } catch (Throwable t) {
          AgentLog.warn("module " + m.getClass().getName() + " could not read its configuration: " + t);
        }
      }
    } catch (Throwable t) {
      AgentLog.warn("instrumentation modules could not be listed: " + t);
    }
  }

  private static long shutdownTimeout(Config config) {
    return config.getDuration("clew.shutdown.timeout", 5000);
  }

  private static long statsInterval(Config config) {
    return config.getPositiveDuration("clew.debug.stats.interval", 60_000);
  }

  /** Modules bundled in the agent, plus those in the jars named by {@code clew.javaagent.extensions}. */
  static List<InstrumentationModule> loadModules(ClassLoader agentLoader, Config config) throws Exception {
    List<InstrumentationModule> modules = new ArrayList<>();
    addModules(ServiceLoader.load(InstrumentationModule.class, agentLoader), modules);
    List<URL> extensions = new ArrayList<>();
    for (String path : config.getList("clew.javaagent.extensions", new ArrayList<>())) {
      File f = new File(path);
      if (f.exists()) {
        extensions.add(f.toURI().toURL());
      } else {
        AgentLog.warn("extension " + path + " (clew.javaagent.extensions) does not exist; skipped");
      }
    }
    if (!extensions.isEmpty()) {
      ClassLoader extLoader = new ExtensionClassLoader(extensions.toArray(new URL[0]), agentLoader);
      addModules(ServiceLoader.load(InstrumentationModule.class, extLoader), modules);
    }
    return modules;
  }

  private static void addModules(ServiceLoader<InstrumentationModule> loader, List<InstrumentationModule> out) {
    Iterator<InstrumentationModule> it = loader.iterator();
    while (true) {
      try {
        if (!it.hasNext()) {
          return;
        }
        InstrumentationModule m = it.next();
        if (out.stream().noneMatch(existing -> existing.getClass().getName().equals(m.getClass().getName()))) {
          out.add(m);
        }
      } catch (ServiceConfigurationError | LinkageError e) {
        AgentLog.warn("an instrumentation module could not be loaded; skipped: " + e);
      }
    }
  }

  private static void registerShutdownHook(TracerProvider provider, Config config) {
    long timeout = shutdownTimeout(config);
    Thread hook = new Thread(() -> {
      provider.shutdown(timeout);
      ExportStats stats = provider.stats();
      String line = "clew: " + stats + ", advice errors=" + AdviceErrors.count();
      if (stats.droppedCount() > 0 || stats.failedCount() > 0) {
        AgentLog.info(line);
      } else {
        AgentLog.debug(line);
      }
    }, "clew-shutdown");
    hook.setDaemon(true);
    Runtime.getRuntime().addShutdownHook(hook);
    if (AgentLog.isDebug()) {
      long every = statsInterval(config);
      new AgentThread(() -> {
        while (true) {
          try {
            Thread.sleep(Math.max(1000, every));
          } catch (InterruptedException e) {
            return;
          }
          AgentLog.debug("clew: " + provider.stats() + ", advice errors=" + AdviceErrors.count());
        }
      }, "clew-stats").start();
    }
  }
}
