package dev.clew.instrumentation.methods;

import dev.clew.core.log.AgentLog;
import dev.clew.core.trace.SpanKind;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Parameter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a {@code @WithSpan} method's annotations ask for: span name, kind, whether it joins the current trace,
 * and which arguments become attributes. Read once per method by reflection (by annotation name, so neither
 * annotation library is needed at compile time), then cached by {@link MethodTracer}.
 */
final class AnnotatedMethod {
  final String spanName;
  final SpanKind kind;
  final boolean inheritContext;
  final String className;
  final String methodName;
  final int[] attributeArgs; // argument index, for each attribute
  final String[] attributeNames;

  private AnnotatedMethod(String spanName, SpanKind kind, boolean inheritContext, String className, String methodName,
      int[] attributeArgs, String[] attributeNames) {
    this.spanName = spanName;
    this.kind = kind;
    this.inheritContext = inheritContext;
    this.className = className;
    this.methodName = methodName;
    this.attributeArgs = attributeArgs;
    this.attributeNames = attributeNames;
  }

  /** The method of {@code type} with this name and descriptor ({@code place(I)V}), read; null if none is found. */
  static AnnotatedMethod read(Class<?> type, String nameAndDescriptor) {
    Method method = find(type, nameAndDescriptor);
    if (method == null) {
      return null;
    }
    String value = "";
    String kind = "INTERNAL";
    boolean inherit = true;
    for (Annotation a : method.getDeclaredAnnotations()) {
      String name = a.annotationType().getName();
      if (name.equals(WithSpanInstrumentation.WITH_SPAN) || name.equals(WithSpanInstrumentation.OLD_WITH_SPAN)) {
        value = String.valueOf(element(a, "value", ""));
        Object k = element(a, "kind", null);
        kind = k instanceof Enum ? ((Enum<?>) k).name() : kind;
        inherit = !Boolean.FALSE.equals(element(a, "inheritContext", Boolean.TRUE)); // 2.x annotations only
      }
    }
    List<Integer> args = new ArrayList<>();
    List<String> names = new ArrayList<>();
    Parameter[] parameters = method.getParameters();
    Annotation[][] annotations = method.getParameterAnnotations();
    for (int i = 0; i < annotations.length; i++) {
      for (Annotation a : annotations[i]) {
        String name = a.annotationType().getName();
        if (name.equals(WithSpanInstrumentation.SPAN_ATTRIBUTE)
            || name.equals(WithSpanInstrumentation.OLD_SPAN_ATTRIBUTE)) {
          String key = String.valueOf(element(a, "value", ""));
          if (key.isEmpty() && parameters[i].isNamePresent()) {
            key = parameters[i].getName();
          }
          if (key.isEmpty()) {
            AgentLog.debug("@SpanAttribute without a name on parameter " + i + " of " + method
                + " (compiled without -parameters): not recorded");
            continue;
          }
          args.add(i);
          names.add(key);
        }
      }
    }
    String className = type.getName();
    String spanName = value.isEmpty() ? className.substring(className.lastIndexOf('.') + 1) + "." + method.getName()
        : value;
    int[] argIndexes = new int[args.size()];
    for (int i = 0; i < argIndexes.length; i++) {
      argIndexes[i] = args.get(i);
    }
    return new AnnotatedMethod(spanName, spanKind(kind), inherit, className, method.getName(), argIndexes,
        names.toArray(new String[0]));
  }

  private static Method find(Class<?> type, String nameAndDescriptor) {
    int paren = nameAndDescriptor.indexOf('(');
    String name = nameAndDescriptor.substring(0, paren);
    String descriptor = nameAndDescriptor.substring(paren);
    for (Method m : type.getDeclaredMethods()) {
      if (m.getName().equals(name) && descriptor.equals(descriptor(m))) {
        return m;
      }
    }
    return null;
  }

  private static String descriptor(Method m) {
    StringBuilder sb = new StringBuilder("(");
    for (Class<?> p : m.getParameterTypes()) {
      appendDescriptor(sb, p);
    }
    sb.append(')');
    appendDescriptor(sb, m.getReturnType());
    return sb.toString();
  }

  private static void appendDescriptor(StringBuilder sb, Class<?> c) {
    if (c.isArray()) {
      sb.append(c.getName().replace('.', '/')); // already a descriptor: [I, [Ljava/lang/String;
    } else if (c.isPrimitive()) {
      sb.append(c == void.class ? 'V' : c == boolean.class ? 'Z' : c == byte.class ? 'B' : c == char.class ? 'C'
          : c == short.class ? 'S' : c == int.class ? 'I' : c == long.class ? 'J' : c == float.class ? 'F' : 'D');
    } else {
      sb.append('L').append(c.getName().replace('.', '/')).append(';');
    }
  }

  /** An annotation element by name; the default when this version of the annotation lacks it. */
  private static Object element(Annotation a, String name, Object defaultValue) {
    try {
      return a.annotationType().getMethod(name).invoke(a);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return defaultValue;
    }
  }

  private static SpanKind spanKind(String name) {
    try {
      return SpanKind.valueOf(name.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return SpanKind.INTERNAL;
    }
  }
}
