package dev.clew.testing.servlet.jakarta;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import java.io.IOException;

/** A pass-through filter; the tests chain two of them in front of every request and dispatch (a {@code javax} twin is generated). */
public class AppFilter implements Filter {
  @Override
  public void init(FilterConfig config) {
    // nothing to set up; declared for Servlet 3.1 containers (Jetty 9.4), whose Filter has no default methods
  }

  @Override
  public void destroy() {
    // nothing to release
  }

  @Override
  public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    chain.doFilter(request, response);
  }
}
