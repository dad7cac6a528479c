package com.acme.shop;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.stub.ServerCalls;
import io.grpc.stub.StreamObserver;
import java.net.InetSocketAddress;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.TimeUnit;

/**
 * Service B of the gRPC flow: a gRPC server on Netty (loopback) whose {@code Reserve} reads the stock from a
 * database over JDBC and calls the HTTP peer {@code shop.downstream} inside the call. Prints
 * {@code listening <port>}, serves until its stdin closes, then stops and prints {@code stopped}.
 */
public final class InventoryServer {
  private static final String DB = "jdbc:h2:mem:inventory;DB_CLOSE_DELAY=-1";

  public static void main(String[] args) throws Exception {
    try (Connection c = DriverManager.getConnection(DB); Statement s = c.createStatement()) {
      s.execute("CREATE TABLE stock (sku VARCHAR(20) PRIMARY KEY, units INT)");
      s.execute("INSERT INTO stock VALUES ('book', 7)");
    }
    Server server = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
        .addService(ServerServiceDefinition.builder("acme.shop.Inventory")
            .addMethod(Inventory.RESERVE, ServerCalls.asyncUnaryCall(InventoryServer::reserve))
            .build())
        .build()
        .start();
    System.out.println("listening " + server.getPort());
    while (System.in.read() >= 0) {
      // serve until the test closes our stdin
    }
    server.shutdown().awaitTermination(10, TimeUnit.SECONDS);
    System.out.println("stopped");
  }

  private static void reserve(String sku, StreamObserver<String> response) {
    try (Connection c = DriverManager.getConnection(DB);
        PreparedStatement ps = c.prepareStatement("SELECT units FROM stock WHERE sku = ?")) {
      ps.setString(1, sku);
      try (ResultSet rs = ps.executeQuery()) {
        if (!rs.next()) {
          response.onError(Status.NOT_FOUND.withDescription(sku).asRuntimeException());
          return;
        }
        String peer = Http.get(System.getProperty("shop.downstream") + "/from-inventory");
        response.onNext(sku + "=" + rs.getInt(1) + " " + peer);
        response.onCompleted();
      }
    } catch (SQLException e) {
      response.onError(Status.INTERNAL.withCause(e).asRuntimeException());
    }
  }
}
