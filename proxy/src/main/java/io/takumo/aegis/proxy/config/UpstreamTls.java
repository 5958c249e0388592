package io.takumo.aegis.proxy.config;

import io.netty.handler.ssl.ApplicationProtocolConfig;
import io.netty.handler.ssl.ApplicationProtocolNames;
import io.netty.handler.ssl.OpenSsl;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import io.takumo.aegis.coordinator.client.ConfigRejectedException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.Collection;
import javax.net.ssl.SSLException;
import org.jspecify.annotations.Nullable;

/** TLS client contexts for upstreams: HTTP/1.1 over TLS 1.3/1.2, host name verified. */
public final class UpstreamTls {
  private UpstreamTls() {}

  /** The context trusting the system's roots, or only {@code caFile} when given. */
  public static SslContext context(java.nio.file.@Nullable Path caFile) throws SSLException {
    SslContextBuilder b = base();
    if (caFile != null) {
      b.trustManager(caFile.toFile());
    }
    return b.build();
  }

  /** A context trusting only the certificates in {@code pem}; refused with the field named when it is not PEM. */
  static SslContext trusting(String field, String pem) throws ConfigRejectedException {
    try {
      Collection<? extends java.security.cert.Certificate> certs = CertificateFactory.getInstance("X.509")
          .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
      if (certs.isEmpty()) {
        throw new ConfigRejectedException(field + ": no certificate (expected: PEM certificates)");
      }
      return base().trustManager(certs.toArray(new X509Certificate[0])).build();
    } catch (CertificateException | SSLException | ClassCastException e) {
      throw new ConfigRejectedException(field + ": not valid PEM certificates (expected: -----BEGIN CERTIFICATE----- blocks)");
    }
  }

  private static SslContextBuilder base() {
    return SslContextBuilder.forClient()
        .sslProvider(OpenSsl.isAvailable() ? SslProvider.OPENSSL : SslProvider.JDK)
        .protocols("TLSv1.3", "TLSv1.2")
        .endpointIdentificationAlgorithm("HTTPS")
        .applicationProtocolConfig(new ApplicationProtocolConfig(
            ApplicationProtocolConfig.Protocol.ALPN,
            ApplicationProtocolConfig.SelectorFailureBehavior.NO_ADVERTISE,
            ApplicationProtocolConfig.SelectedListenerFailureBehavior.ACCEPT,
            ApplicationProtocolNames.HTTP_1_1));
  }
}
