package io.takumo.aegis.proxy.auth;

import static java.util.Objects.requireNonNull;

/** The authenticated caller of one request. */
public record Principal(ApiKeyRecord key) {
  public Principal {
    requireNonNull(key, "key");
  }

  public String org() {
    return key.org();
  }

  public String keyPrefix() {
    return key.prefix();
  }

  public boolean has(Scope scope) {
    return key.scopes().contains(scope);
  }
}
