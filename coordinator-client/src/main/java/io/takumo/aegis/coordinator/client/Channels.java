package io.takumo.aegis.coordinator.client;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/** The gRPC channel to a coordinator URL: {@code https://} or {@code grpcs://} is TLS, anything else plaintext. */
final class Channels {
  private Channels() {}

  static ManagedChannel forTarget(String url, @Nullable Path trustedCa) {
    URI uri = URI.create(url.contains("://") ? url : "grpc://" + url);
    boolean tls = "https".equals(uri.getScheme()) || "grpcs".equals(uri.getScheme());
    if (uri.getHost() == null) {
      throw new IllegalArgumentException("TAKUMO_COORDINATOR_URL: " + url
          + " (expected: host:port, http://host:port or https://host:port)");
    }
    int port = uri.getPort() > 0 ? uri.getPort() : 50051;
    NettyChannelBuilder builder = NettyChannelBuilder.forAddress(uri.getHost(), port)
        .keepAliveTime(30, TimeUnit.SECONDS)
        .keepAliveWithoutCalls(true);
    if (!tls) {
      return builder.usePlaintext().build();
    }
    try {
      SslContextBuilder ssl = GrpcSslContexts.forClient();
      if (trustedCa != null) {
        ssl.trustManager(trustedCa.toFile());
      }
      return builder.sslContext(ssl.build()).build();
    } catch (SSLException | IllegalArgumentException e) {
      throw new IllegalArgumentException("TAKUMO_COORDINATOR_CA: " + trustedCa + " (expected: PEM certificates; "
          + e.getMessage() + ')', e);
    }
  }
}
