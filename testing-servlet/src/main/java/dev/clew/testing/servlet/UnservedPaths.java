package dev.clew.testing.servlet;

import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/** Jetty 12: answers 404 under {@code /unserved} itself, before any servlet context sees the request. */
public final class UnservedPaths extends Handler.Wrapper {
  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (request.getHttpURI().getPath().startsWith(ServletTestApp.UNSERVED_CONTEXT + "/")) {
      Response.writeError(request, response, callback, 404);
      return true;
    }
    return super.handle(request, response, callback);
  }
}
