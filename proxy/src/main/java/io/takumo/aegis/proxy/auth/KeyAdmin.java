package io.takumo.aegis.proxy.auth;

import io.takumo.aegis.proxy.config.KeyEnvironment;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Key administration for the CLI; blocking calls. Implemented by the file and PostgreSQL stores. */
public interface KeyAdmin {
  /** Creates a key, stores only its hash, and returns the raw key (the only time it exists). */
  String create(String name, String org, KeyEnvironment environment, Set<Scope> scopes, @Nullable Instant expiresAt);

  /** All keys, oldest first. */
  List<ApiKeyRecord> list();

  /** Sets the status of the key whose id or prefix is {@code idOrPrefix}; throws if not exactly one. */
  ApiKeyRecord setStatus(String idOrPrefix, KeyStatus status);

  /** Where the keys live, for messages (never a password). */
  String location();
}
