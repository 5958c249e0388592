package io.takumo.aegis.proxy.auth;

import static java.util.Objects.requireNonNull;

import io.takumo.aegis.proxy.route.Provider;
import java.util.EnumMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * What the gateway knows of an organization beyond its keys: its plan (which rate limits apply,
 * SPEC §8), its own provider keys (injected upstream in place of the gateway's, SPEC §6) and its
 * token key (SPEC §2). Stored encrypted at rest (see {@code store.SealedColumns}); held here in clear
 * for the requests of that organization. {@link #toString()} names no key.
 */
public record OrgSettings(String plan, Map<Provider, String> providerKeys, byte @Nullable [] tokenKey) {
  /** An organization nobody configured: the default plan, the gateway's provider keys and token key. */
  public static final OrgSettings DEFAULT = new OrgSettings("standard", Map.of(), null);

  public OrgSettings {
    requireNonNull(plan, "plan");
    providerKeys = providerKeys.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(providerKeys));
    tokenKey = tokenKey == null ? null : tokenKey.clone();
  }

  /** The organization's own key for {@code provider}, or null to use the gateway's. */
  public @Nullable String providerKey(Provider provider) {
    return providerKeys.get(provider);
  }

  @Override
  public byte @Nullable [] tokenKey() {
    return tokenKey == null ? null : tokenKey.clone();
  }

  @Override
  public boolean equals(@Nullable Object o) {
    return o instanceof OrgSettings s && s.plan.equals(plan) && s.providerKeys.equals(providerKeys)
        && java.util.Arrays.equals(s.tokenKey, tokenKey);
  }

  @Override
  public int hashCode() {
    return plan.hashCode() * 31 + providerKeys.hashCode();
  }

  @Override
  public String toString() {
    return "OrgSettings[plan=" + plan + ", providerKeys=" + providerKeys.keySet() + ", tokenKey=" + (tokenKey != null) + ']';
  }
}
