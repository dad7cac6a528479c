package com.example.shop;

import jakarta.servlet.http.HttpServlet;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;

/** An embedded Tomcat on 127.0.0.1 (port 0 = any free port), with servlets added by path pattern. */
final class WebServer {
  // held strongly: java.util.logging forgets levels set on loggers nobody references
  private static final Logger TOMCAT_LOG = Logger.getLogger("org.apache");

  private final Tomcat tomcat = new Tomcat();
  private final Context context;

  WebServer(int port) throws IOException {
    TOMCAT_LOG.setLevel(Level.WARNING);
    Path base = Files.createTempDirectory("shop-tomcat");
    base.toFile().deleteOnExit();
    tomcat.setBaseDir(base.toString());
    Connector connector = new Connector();
    connector.setPort(port);
    connector.setProperty("address", "127.0.0.1");
    tomcat.setConnector(connector);
    context = tomcat.addContext("", new File(base.toString()).getAbsolutePath());
  }

  WebServer route(String pattern, String name, HttpServlet servlet) {
    Tomcat.addServlet(context, name, servlet);
    context.addServletMapping(pattern, name);
    return this;
  }

  /** Starts and returns the bound port. */
  int start() throws LifecycleException {
    tomcat.start();
    return tomcat.getConnector().getLocalPort();
  }

  void stop() throws LifecycleException {
    tomcat.stop();
    tomcat.destroy();
  }
}
