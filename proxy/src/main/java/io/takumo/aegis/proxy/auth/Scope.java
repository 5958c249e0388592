package io.takumo.aegis.proxy.auth;

import java.util.EnumSet;
import java.util.Set;

/** API-key scopes of SPEC §7, with their wire names ({@code shield:write}). */
public enum Scope {
  SHIELD_READ("shield:read"),
  SHIELD_WRITE("shield:write"),
  AUDIT_READ("audit:read"),
  FLEET_READ("fleet:read"),
  FLEET_WRITE("fleet:write"),
  POLICY_READ("policy:read"),
  POLICY_WRITE("policy:write"),
  ORG_READ("org:read"),
  ORG_WRITE("org:write");

  private final String wireName;

  Scope(String wireName) {
    this.wireName = wireName;
  }

  public String wireName() {
    return wireName;
  }

  /** Parses a wire name; throws with the accepted names when it is unknown. */
  public static Scope parse(String wireName) {
    for (Scope scope : values()) {
      if (scope.wireName.equals(wireName.trim())) {
        return scope;
      }
    }
    StringBuilder known = new StringBuilder();
    for (Scope scope : values()) {
      known.append(known.length() == 0 ? "" : " ").append(scope.wireName);
    }
    throw new IllegalArgumentException("scope: " + wireName + " (expected one of: " + known + ')');
  }

  public static Set<Scope> all() {
    return EnumSet.allOf(Scope.class);
  }
}
