package io.takumo.aegis.proxy.auth;

import static java.util.Objects.requireNonNull;

import io.takumo.aegis.proxy.config.KeyEnvironment;

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

  /**
   * A caller from a trusted network of the forward proxy ({@code TAKUMO_PROXY_TRUSTED_CIDRS}), who brings no key:
   * it acts as {@code org} with the provider scope only, is limited per address (its key id), and is named in
   * logs and audit by its address ({@code net:10.1.2.3} as its key prefix).
   */
  public static Principal ofNetwork(String org, String address, KeyEnvironment environment, OrgSettings settings) {
    String name = "net:" + address;
    return new Principal(new ApiKeyRecord(name, org, "trusted network", name,
        java.util.HexFormat.of().formatHex(ApiKeys.sha256(name)), environment, java.util.EnumSet.of(Scope.SHIELD_WRITE),
        KeyStatus.ACTIVE, null, java.time.Instant.EPOCH), settings);
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
