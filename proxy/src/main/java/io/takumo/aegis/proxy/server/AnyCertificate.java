package io.takumo.aegis.proxy.server;

import java.security.cert.X509Certificate;
import javax.net.ssl.X509TrustManager;

/**
 * Trusts whatever certificate it is shown. Only for the gateway talking to itself, where the question is
 * whether it answers, not who it is: the TLS self-test of a new certificate pair, the container's health
 * check on 127.0.0.1, the perf harness. Never for an upstream or a coordinator.
 */
public final class AnyCertificate implements X509TrustManager {
  @Override
  public void checkClientTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public void checkServerTrusted(X509Certificate[] chain, String authType) {}

  @Override
  public X509Certificate[] getAcceptedIssuers() {
    return new X509Certificate[0];
  }
}
