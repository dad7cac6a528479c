package dev.clew.instrumentation.servlet.jakarta;

import dev.clew.instrumentation.servlet.ServletAccessor;
import dev.clew.instrumentation.servlet.ServletAsyncListener;
import dev.clew.instrumentation.servlet.ServletInstrumentations;
import dev.clew.instrumentation.servlet.ServletTracer;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletMapping;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Enumeration;
import java.util.Iterator;
import java.util.List;

/**
 * {@code jakarta.servlet} requests and responses for the shared servlet code. The {@code javax} module's
 * accessor is generated from this source at build time ({@code jakarta} becomes {@code javax}); the
 * Servlet 3.x guard around the mapping is for that one: every jakarta container has the mapping.
 */
final class JakartaServletAccessor implements ServletAccessor<HttpServletRequest, HttpServletResponse> {
  static final JakartaServletAccessor INSTANCE = new JakartaServletAccessor();
  /** One per web application class loader, as this class is loaded next to the servlet API. */
  static final ServletTracer<HttpServletRequest, HttpServletResponse> TRACER =
      new ServletTracer<>("clew.servlet-jakarta", INSTANCE, ServletInstrumentations.settings(),
          ServletInstrumentations.traceResponse());
  /** False once the container turned out to predate Servlet 4.0 (javax only: no {@code getHttpServletMapping}). */
  private static volatile boolean hasMapping = true;

  @Override
  public HttpServletRequest httpRequest(Object request) {
    return request instanceof HttpServletRequest ? (HttpServletRequest) request : null;
  }

  @Override
  public HttpServletResponse httpResponse(Object response) {
    return response instanceof HttpServletResponse ? (HttpServletResponse) response : null;
  }

  @Override
  public Object getAttribute(HttpServletRequest request, String name) {
    return request.getAttribute(name);
  }

  @Override
  public void setAttribute(HttpServletRequest request, String name, Object value) {
    request.setAttribute(name, value);
  }

  @Override
  public String mappingMatch(HttpServletRequest request) {
    return mapping(request, false);
  }

  @Override
  public String mappingPattern(HttpServletRequest request) {
    return mapping(request, true);
  }

  private static String mapping(HttpServletRequest request, boolean pattern) {
    if (hasMapping) {
      try {
        return pattern ? Servlet4.pattern(request) : Servlet4.match(request);
      } catch (LinkageError servlet3) {
        hasMapping = false;
      }
    }
    return null;
  }

  @Override
  public String contextPath(HttpServletRequest request) {
    return request.getContextPath();
  }

  @Override
  public String servletPath(HttpServletRequest request) {
    return request.getServletPath();
  }

  @Override
  public boolean isAsyncStarted(HttpServletRequest request) {
    return request.isAsyncStarted();
  }

  @Override
  public boolean addAsyncListener(HttpServletRequest request, ServletAsyncListener<HttpServletResponse> listener) {
    AsyncContext asyncContext;
    try {
      asyncContext = request.getAsyncContext();
    } catch (IllegalStateException dispatchedMeanwhile) {
      return false;
    }
    ServletResponse response = asyncContext.getResponse();
    asyncContext.addListener(new Listener(listener, httpResponse(response)));
    return true;
  }

  @Override
  public boolean isCommitted(HttpServletResponse response) {
    return response.isCommitted();
  }

  @Override
  public void setHeader(HttpServletResponse response, String name, String value) {
    response.setHeader(name, value);
  }

  @Override
  public int statusCode(HttpServletResponse response) {
    return response.getStatus();
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

  /** The API's listener interface over the shared {@link ServletAsyncListener}. */
  private static final class Listener implements AsyncListener {
    private final ServletAsyncListener<HttpServletResponse> listener;
    private final HttpServletResponse response;

    Listener(ServletAsyncListener<HttpServletResponse> listener, HttpServletResponse response) {
      this.listener = listener;
      this.response = response;
    }

    @Override
    public void onComplete(AsyncEvent event) {
      HttpServletResponse supplied = INSTANCE.httpResponse(event.getSuppliedResponse());
      listener.onComplete(supplied != null ? supplied : response);
    }

    @Override
    public void onTimeout(AsyncEvent event) {
      listener.onTimeout();
    }

    @Override
    public void onError(AsyncEvent event) {
      listener.onError(event.getThrowable());
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
      event.getAsyncContext().addListener(this); // a new async cycle starts with no listeners
    }
  }

  /** Servlet 4.0 types live here, so that on a 3.x container only this class fails to link, not the accessor. */
  private static final class Servlet4 {
    static String match(HttpServletRequest request) {
      HttpServletMapping mapping = request.getHttpServletMapping();
      return mapping == null || mapping.getMappingMatch() == null ? null : mapping.getMappingMatch().name();
    }

    static String pattern(HttpServletRequest request) {
      HttpServletMapping mapping = request.getHttpServletMapping();
      return mapping == null ? null : mapping.getPattern();
    }
  }
}
