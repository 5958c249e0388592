package io.takumo.aegis.proxy.http;

/** The protocol a client connection speaks, as the access log and the metrics name it. */
public enum ClientProtocol {
  /** HTTP/1.1 (or 1.0), cleartext or TLS. */
  H1("h1"),
  /** HTTP/2 over TLS, chosen by ALPN. */
  H2("h2"),
  /** HTTP/2 over cleartext with prior knowledge (a sidecar's loopback, an internal load balancer). */
  H2C("h2c");

  private final String label;

  ClientProtocol(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  public boolean http2() {
    return this != H1;
  }
}
