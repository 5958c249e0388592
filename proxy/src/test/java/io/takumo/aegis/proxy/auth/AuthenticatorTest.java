package io.takumo.aegis.proxy.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.takumo.aegis.proxy.config.KeyEnvironment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Set;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuthenticatorTest {
  @TempDir Path dir;

  private static AuthException refusal(Authenticator authenticator, String key) {
    try {
      authenticator.authenticate(key).toCompletableFuture().join();
    } catch (CompletionException e) {
      return (AuthException) e.getCause();
    }
    throw new AssertionError("accepted " + key);
  }

  @Test
  void acceptsAStoredKeyAndRefusesEverythingElse() throws Exception {
    FileKeyStore store = FileKeyStore.open(dir.resolve("keys.json"));
    String raw = store.create("ci", "org-1", KeyEnvironment.TEST, Set.of(Scope.SHIELD_WRITE), null);
    Authenticator authenticator = new Authenticator(store, KeyEnvironment.TEST, Clock.systemUTC());

    Principal principal = authenticator.authenticate(raw).toCompletableFuture().join();
    assertThat(principal.org()).isEqualTo("org-1");
    assertThat(principal.keyPrefix()).isEqualTo(raw.substring(0, 12));
    assertThat(principal.has(Scope.SHIELD_WRITE)).isTrue();
    assertThat(principal.has(Scope.AUDIT_READ)).isFalse();

    String unknown = "tk_test_" + "0".repeat(64);
    assertThat(refusal(authenticator, unknown).getMessage()).contains("not recognized").doesNotContain(unknown);
    assertThat(refusal(authenticator, "tk_test_short").getMessage()).contains("malformed");
    assertThat(refusal(authenticator, raw.toUpperCase()).getMessage()).contains("malformed");
    assertThat(refusal(authenticator, "tk_live_" + raw.substring(8)).getMessage()).contains("live key");
  }

  @Test
  void storeHoldsHashesOnlyWithOwnerOnlyPermissions() throws Exception {
    Path file = dir.resolve("keys.json");
    String raw = FileKeyStore.open(file).create("ci", "org-1", KeyEnvironment.LIVE, Scope.all(), null);

    String stored = Files.readString(file);
    assertThat(stored).doesNotContain(raw).doesNotContain(raw.substring(8));
    assertThat(stored).contains(java.util.HexFormat.of().formatHex(ApiKeys.sha256(raw)));
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
  }

  @Test
  void disabledRevokedAndExpiredKeysAreRefused() {
    FileKeyStore store = FileKeyStore.open(dir.resolve("keys.json"));
    Instant now = Instant.parse("2026-11-23T12:00:00Z");
    String disabled = store.create("d", "o", KeyEnvironment.TEST, Scope.all(), null);
    String revoked = store.create("r", "o", KeyEnvironment.TEST, Scope.all(), null);
    String expired = store.create("e", "o", KeyEnvironment.TEST, Scope.all(), now.minusSeconds(1));
    store.setStatus(disabled.substring(0, 12), KeyStatus.DISABLED);
    store.setStatus(revoked.substring(0, 12), KeyStatus.REVOKED);
    Authenticator authenticator = new Authenticator(store, KeyEnvironment.TEST, Clock.fixed(now, ZoneOffset.UTC));

    assertThat(refusal(authenticator, disabled).getMessage()).contains("disabled");
    assertThat(refusal(authenticator, revoked).getMessage()).contains("revoked");
    assertThat(refusal(authenticator, expired).getMessage()).contains("expired");
    assertThatThrownBy(() -> store.setStatus(revoked.substring(0, 12), KeyStatus.ACTIVE))
        .hasMessageContaining("revoked");
    store.setStatus(disabled.substring(0, 12), KeyStatus.ACTIVE);
    assertThat(authenticator.authenticate(disabled).toCompletableFuture().join().org()).isEqualTo("o");
  }

  @Test
  void aStoreThatFailsMeansUnavailableNotUnauthorized() {
    KeyStore broken = sha256 -> java.util.concurrent.CompletableFuture.failedFuture(new IllegalStateException("db down"));
    Authenticator authenticator = new Authenticator(broken, KeyEnvironment.TEST, Clock.systemUTC());

    AuthException error = refusal(authenticator, "tk_test_" + "a".repeat(64));
    assertThat(error.unavailable()).isTrue();
    assertThat(error.getMessage()).doesNotContain("db down");
  }
}
