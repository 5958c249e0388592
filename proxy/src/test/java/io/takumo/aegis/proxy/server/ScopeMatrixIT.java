package io.takumo.aegis.proxy.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.takumo.aegis.proxy.auth.Scope;
import io.takumo.aegis.proxy.config.KeyEnvironment;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every scope against every authenticated route the gateway serves today: a key holding only that
 * scope is let through where the route needs it and refused with 403 naming the scope elsewhere.
 */
class ScopeMatrixIT {
  /** Route → the scope SPEC §6 requires and a request line for it. */
  private static final Map<String, Scope> ROUTES = Map.of(
      "POST /v1/messages", Scope.SHIELD_WRITE,
      "POST /v1/chat/completions", Scope.SHIELD_WRITE,
      "GET /v1/audit", Scope.AUDIT_READ,
      "POST /v1/tokenize", Scope.SHIELD_WRITE,
      "POST /v1/scan", Scope.SHIELD_WRITE,
      "GET /v1/detections", Scope.SHIELD_READ);
  private static GatewayFixture fixture;
  private static final Map<Scope, String> KEYS = new EnumMap<>(Scope.class);

  @BeforeAll
  static void start() throws Exception {
    fixture = GatewayFixture.start(b -> b.rateLimits(100_000, 100_000, 100_000));
    for (Scope scope : Scope.values()) {
      KEYS.put(scope, fixture.keys.create("only-" + scope.wireName(), "org-it", KeyEnvironment.TEST, Set.of(scope), null));
    }
  }

  @AfterAll
  static void stop() {
    fixture.close();
  }

  @ParameterizedTest
  @EnumSource(Scope.class)
  void aKeyWithOneScopeReachesExactlyTheRoutesThatNeedIt(Scope scope) throws Exception {
    String body = "{\"model\":\"gpt-4o\",\"messages\":[],\"content\":\"x\"}";
    for (Map.Entry<String, Scope> route : ROUTES.entrySet()) {
      String[] line = route.getKey().split(" ");
      try (RawHttp http = new RawHttp(fixture.gateway.port())) {
        http.send(line[0] + ' ' + line[1] + " HTTP/1.1\r\nHost: x\r\nAuthorization: Bearer " + KEYS.get(scope)
            + (line[0].equals("POST") ? "\r\nContent-Length: " + body.length() + "\r\n\r\n" + body : "\r\n\r\n"));
        RawHttp.Response response = http.read();
        if (route.getValue() == scope) {
          assertThat(response.status()).as("%s with %s", route.getKey(), scope.wireName()).isEqualTo(200);
        } else {
          assertThat(response.status()).as("%s with %s", route.getKey(), scope.wireName()).isEqualTo(403);
          assertThat(response.body()).contains(route.getValue().wireName());
        }
      }
    }
  }
}
