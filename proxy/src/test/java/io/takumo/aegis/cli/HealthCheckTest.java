package io.takumo.aegis.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthCheckTest {
  @Test
  void asksTheGatewaysOwnPortOnLoopback() {
    assertThat(HealthCheck.uri(Map.of())).hasToString("http://127.0.0.1:8080/healthz");
    assertThat(HealthCheck.uri(Map.of("TAKUMO_LISTEN_ADDR", "0.0.0.0:9090"))).hasToString("http://127.0.0.1:9090/healthz");
    assertThat(HealthCheck.uri(Map.of("TAKUMO_LISTEN_ADDR", "[::]:8443", "TAKUMO_TLS_CERT", "/etc/tls/crt")))
        .hasToString("https://127.0.0.1:8443/healthz");
    assertThat(HealthCheck.uri(Map.of("TAKUMO_TLS_CERT", "/etc/tls/crt"))).hasToString("https://127.0.0.1:443/healthz");
  }
}
