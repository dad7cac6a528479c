package dev.clew.testing.servlet.jakarta;

import dev.clew.testing.http.TracedWork;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The endpoints {@link dev.clew.testing.http.HttpServerSuite} expects, one servlet under the mappings of
 * {@link dev.clew.testing.servlet.ServletTestApp#MAPPINGS}. The {@code javax} twin of this class is generated
 * from it at build time ({@code jakarta} becomes {@code javax}).
 */
public class AppServlet extends HttpServlet {

  @Override
  protected void service(HttpServletRequest req, HttpServletResponse resp) throws ServletException, IOException {
    Object included = req.getAttribute("jakarta.servlet.include.servlet_path");
    switch (included != null ? (String) included : req.getServletPath()) {
      case "/hello":
        resp.setHeader("X-Reply", "yes");
        resp.getWriter().write("hello");
        break;
      case "/users":
        resp.getWriter().write(req.getPathInfo().substring(1));
        break;
      case "/forward":
        req.getRequestDispatcher("/hello").forward(req, resp);
        break;
      case "/include":
        resp.getWriter().write("included:");
        req.getRequestDispatcher("/hello").include(req, resp);
        break;
      case "/traced":
        resp.getWriter().write(TracedWork.work("traced"));
        break;
      case "/":
        resp.getWriter().write("home");
        break;
      case "/boom":
        throw new IllegalStateException("boom");
      case "/wrapped":
        // what frameworks do to the application's exception (Spring MVC: "Request processing failed: ...")
        IllegalStateException cause = new IllegalStateException("wrapped");
        throw new ServletException("Request processing failed: " + cause, cause);
      case "/status":
        resp.setStatus(Integer.parseInt(req.getPathInfo().substring(1)));
        break;
      case "/async":
        AsyncContext async = req.startAsync();
        async.start(() -> {
          try {
            TracedWork.work("async");
            async.getResponse().getWriter().write("async");
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          } finally {
            async.complete();
          }
        });
        break;
      case "/async-dispatch":
        AsyncContext dispatching = req.startAsync();
        dispatching.start(() -> dispatching.dispatch("/traced"));
        break;
      case "/async-dispatch-now":
        req.startAsync().dispatch("/traced"); // runs after this method returns
        break;
      case "/async-timeout":
        req.startAsync().setTimeout(300);
        break;
      default:
        resp.sendError(404);
    }
  }
}
