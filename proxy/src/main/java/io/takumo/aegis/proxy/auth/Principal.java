package io.takumo.aegis.proxy.auth;

import static java.util.Objects.requireNonNull;

/** The authenticated caller of one request, with its organization's settings. */
public record Principal(ApiKeyRecord key, OrgSettings orgSettings) {
  public Principal {
    requireNonNull(key, "key");
    requireNonNull(orgSettings, "orgSettings");
  }

  /** A caller whose organization has no settings of its own. */
  public Principal(ApiKeyRecord key) {
    this(key, OrgSettings.DEFAULT);
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
