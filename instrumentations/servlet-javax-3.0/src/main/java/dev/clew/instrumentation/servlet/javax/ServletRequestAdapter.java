package dev.clew.instrumentation.servlet.javax;

import dev.clew.core.instrument.http.HttpServerAdapter;
import javax.servlet.http.HttpServletMapping;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import javax.servlet.http.MappingMatch;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;

/** Reads servlet requests and responses for {@link dev.clew.core.instrument.http.HttpServerTracer}. */
final class ServletRequestAdapter implements HttpServerAdapter<HttpServletRequest, HttpServletResponse> {
  static final ServletRequestAdapter INSTANCE = new ServletRequestAdapter();

  /** False once the container turned out to predate Servlet 4.0 (no servlet mapping, so no route). */
  private static volatile boolean hasMapping = true;

  /**
   * The route template from the servlet mapping the container matched ({@code /users/*},
   * {@code *.do}), prefixed with the context path; null when the request matched no mapping or the
   * container implements Servlet 3.x.
   */
  static String route(HttpServletRequest request) {
    if (!hasMapping) {
      return null;
    }
    try {
      return Servlet4Mapping.route(request);
    } catch (LinkageError servlet3) {
      hasMapping = false;
      return null;
    }
  }

  @Override
  public String method(HttpServletRequest request) {
    return request.getMethod();
  }

  @Override
  public String scheme(HttpServletRequest request) {
    return request.getScheme();
  }

  @Override
  public String path(HttpServletRequest request) {
    return request.getRequestURI();
  }

  @Override
  public String query(HttpServletRequest request) {
    return request.getQueryString();
  }

  @Override
  public String serverAddress(HttpServletRequest request) {
    return request.getServerName();
  }

  @Override
  public int serverPort(HttpServletRequest request) {
    return request.getServerPort();
  }

  @Override
  public String peerAddress(HttpServletRequest request) {
    return request.getRemoteAddr();
  }

  @Override
  public int peerPort(HttpServletRequest request) {
    return request.getRemotePort();
  }

  @Override
  public String protocol(HttpServletRequest request) {
    return request.getProtocol();
  }

  @Override
  public String header(HttpServletRequest request, String name) {
    return request.getHeader(name);
  }

  @Override
  public Iterator<String> headers(HttpServletRequest request, String name) {
    Enumeration<String> values = request.getHeaders(name);
    if (values == null || !values.hasMoreElements()) {
      return Collections.<String>emptyIterator();
    }
    return Collections.list(values).iterator();
  }

  @Override
  public Iterable<String> headerNames(HttpServletRequest request) {
    Enumeration<String> names = request.getHeaderNames();
    return names == null ? Collections.<String>emptyList() : Collections.list(names);
  }

  @Override
  public List<String> responseHeaders(HttpServletResponse response, String name) {
    Collection<String> values = response.getHeaders(name);
    return values == null || values.isEmpty() ? Collections.<String>emptyList() : new ArrayList<>(values);
  }

  /** Servlet 4.0 types live here so that a 3.x container fails only when this class loads, not the adapter. */
  private static final class Servlet4Mapping {
    static String route(HttpServletRequest request) {
      HttpServletMapping mapping = request.getHttpServletMapping();
      MappingMatch match = mapping == null ? null : mapping.getMappingMatch();
      if (match == null) {
        return null;
      }
      String contextPath = request.getContextPath();
      String pattern = mapping.getPattern();
      if (match == MappingMatch.CONTEXT_ROOT) {
        return contextPath + "/";
      }
      if (match == MappingMatch.DEFAULT) {
        return contextPath + "/*";
      }
      if (match == MappingMatch.EXTENSION) {
        return contextPath + "/" + pattern;
      }
      return pattern == null ? null : contextPath + pattern; // EXACT or PATH: a configured pattern, not the raw path
    }
  }
}
