package dev.clew.instrumentation.methods;

import static dev.clew.core.semconv.SemanticAttributes.CODE_FUNCTION;
import static dev.clew.core.semconv.SemanticAttributes.CODE_NAMESPACE;

import dev.clew.core.instrument.ActiveSpan;
import dev.clew.core.trace.Span;
import dev.clew.core.trace.SpanBuilder;
import dev.clew.core.trace.Tracer;
import dev.clew.core.trace.TracerProvider;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/** Starts and ends the span of a traced method (named in the configuration, or annotated); what the advice delegates to. */
public final class MethodTracer {
  private static final String SCOPE = "clew.methods";
  // annotated methods of this class loader, by "name(descriptor)" within their class; read once each
  private static final ConcurrentHashMap<Class<?>, ConcurrentHashMap<String, AnnotatedMethod>> ANNOTATED =
      new ConcurrentHashMap<>();

  private MethodTracer() {}

  public static Object start(String className, String methodName) {
    Tracer tracer = TracerProvider.global().tracer(SCOPE);
    int dot = className.lastIndexOf('.');
    Span span = tracer.spanBuilder(className.substring(dot + 1) + "." + methodName)
        .setAttribute(CODE_NAMESPACE, className)
        .setAttribute(CODE_FUNCTION, methodName)
        .startSpan();
    return ActiveSpan.start(span);
  }

  /** For a {@code @WithSpan} method; {@code args} only when some are {@code @SpanAttribute}s. */
  public static Object startAnnotated(Class<?> type, String nameAndDescriptor, Object[] args) {
    AnnotatedMethod m = annotated(type, nameAndDescriptor);
    if (m == null) {
      return null;
    }
    SpanBuilder builder = TracerProvider.global().tracer(SCOPE).spanBuilder(m.spanName)
        .setSpanKind(m.kind)
        .setAttribute(CODE_NAMESPACE, m.className)
        .setAttribute(CODE_FUNCTION, m.methodName);
    if (!m.inheritContext) {
      builder.setNoParent();
    }
    if (args != null) {
      for (int i = 0; i < m.attributeArgs.length; i++) {
        int arg = m.attributeArgs[i];
        if (arg < args.length) {
          builder.setAttribute(m.attributeNames[i], args[arg]); // null is not recorded
        }
      }
    }
    return ActiveSpan.start(builder.startSpan());
  }

  private static AnnotatedMethod annotated(Class<?> type, String nameAndDescriptor) {
    ConcurrentHashMap<String, AnnotatedMethod> methods = ANNOTATED.get(type);
    if (methods == null) {
      methods = ANNOTATED.computeIfAbsent(type, t -> new ConcurrentHashMap<>());
    }
    AnnotatedMethod m = methods.get(nameAndDescriptor);
    if (m == null) {
      m = AnnotatedMethod.read(type, nameAndDescriptor);
      if (m != null) {
        methods.putIfAbsent(nameAndDescriptor, m);
      }
    }
    return m;
  }

  public static void end(Object state, Throwable thrown) {
    if (state instanceof ActiveSpan) {
      ((ActiveSpan) state).end(thrown);
    }
  }

  /** A returned {@code CompletionStage} ends the span when it completes; anything else ends it now. */
  public static void endAsync(Object state, Object returned, Throwable thrown) {
    if (state instanceof ActiveSpan && thrown == null && returned instanceof CompletionStage) {
      ((ActiveSpan) state).endWhenComplete((CompletionStage<?>) returned);
    } else {
      end(state, thrown);
    }
  }
}
