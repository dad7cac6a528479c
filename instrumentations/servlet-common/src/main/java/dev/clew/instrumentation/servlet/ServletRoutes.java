package dev.clew.instrumentation.servlet;

/**
 * The {@code http.route} of a servlet request: the template the web framework matched when it left
 * one on the request (Spring MVC's best-matching pattern), else the servlet mapping. Never the raw
 * path: routes are what users group, alert and build dashboards on.
 */
final class ServletRoutes {
  /** Spring MVC's {@code HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE}: {@code /owners/{id}}. */
  static final String SPRING_BEST_MATCHING_PATTERN = "org.springframework.web.servlet.HandlerMapping.bestMatchingPattern";

  private ServletRoutes() {}

  /**
   * The route of the servlet mapping the container matched: an exact mapping as it is, a path mapping
   * as {@code /prefix/*}, an extension mapping as {@code /*.ext}, each after the context path. The
   * default servlet ({@code /}) serves every path, so it gives no route, except to the request for
   * {@code /} itself.
   */
  static <REQ> String fromMapping(ServletAccessor<REQ, ?> accessor, REQ request) {
    String match = accessor.mappingMatch(request);
    if (match == null) {
      return null;
    }
    switch (match) {
      case "CONTEXT_ROOT":
        return accessor.contextPath(request) + "/";
      case "DEFAULT":
        return "/".equals(accessor.servletPath(request)) ? accessor.contextPath(request) + "/" : null;
      case "EXTENSION":
        String extension = accessor.mappingPattern(request);
        return extension == null ? null : accessor.contextPath(request) + "/" + extension;
      case "EXACT":
      case "PATH":
        String pattern = accessor.mappingPattern(request);
        return pattern == null ? null : accessor.contextPath(request) + pattern;
      default:
        return null;
    }
  }

  /**
   * The route template a framework left on the request, after what it is relative to: the context
   * path, and the servlet path when the framework's servlet has a path mapping ({@code /api/*}).
   */
  static <REQ> String fromFramework(ServletAccessor<REQ, ?> accessor, REQ request) {
    Object template = accessor.getAttribute(request, SPRING_BEST_MATCHING_PATTERN);
    if (template == null) {
      return null;
    }
    String prefix = accessor.contextPath(request);
    if ("PATH".equals(accessor.mappingMatch(request))) {
      prefix += accessor.servletPath(request);
    }
    return prefix.isEmpty() ? template.toString() : prefix + template; // a String, or a PathPattern printing its pattern
  }
}
