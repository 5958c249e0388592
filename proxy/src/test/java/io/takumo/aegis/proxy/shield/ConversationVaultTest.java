package io.takumo.aegis.proxy.shield;

import static org.assertj.core.api.Assertions.assertThat;

import io.takumo.aegis.detect.Category;
import io.takumo.aegis.shield.Recall;
import io.takumo.aegis.shield.TokenMinter;
import io.takumo.aegis.shield.Vault;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConversationVaultTest {
  private static final TokenMinter MINTER = new TokenMinter("a token key of thirty-two bytes.".getBytes(StandardCharsets.US_ASCII));
  private static final byte[] SECRET = "AKIAIOSFODNN7EXAMPLE".getBytes(StandardCharsets.US_ASCII);

  @Test
  void aLaterExchangeOfTheSameCallerRestoresATokenItNeverSaw() {
    ConversationVault conversations = new ConversationVault(Duration.ofHours(1), 1 << 20);
    byte[] token;
    try (Vault first = new Vault(MINTER, 10, conversations.recall("key-1", MINTER))) {
      token = first.put(Category.KEY, SECRET);
    }
    try (Vault later = new Vault(MINTER, 10, conversations.recall("key-1", MINTER));
        Vault other = new Vault(MINTER, 10, conversations.recall("key-2", MINTER));
        Vault alone = new Vault(MINTER, 10)) {
      assertThat(later.mayRestore()).isTrue();
      assertThat(later.secretAt(token, 0)).isEqualTo(SECRET);
      assertThat(other.mayRestore()).as("another caller of the organization").isFalse();
      assertThat(other.secretAt(token, 0)).isNull();
      assertThat(alone.secretAt(token, 0)).isNull();
    }
  }

  @Test
  void anotherMinterIsAnotherScope() {
    ConversationVault conversations = new ConversationVault(Duration.ofHours(1), 1 << 20);
    TokenMinter rotated = new TokenMinter("another token key of 32 bytes...".getBytes(StandardCharsets.US_ASCII));
    byte[] token;
    try (Vault first = new Vault(MINTER, 10, conversations.recall("key-1", MINTER))) {
      token = first.put(Category.KEY, SECRET);
    }
    try (Vault later = new Vault(rotated, 10, conversations.recall("key-1", rotated))) {
      assertThat(later.secretAt(token, 0)).isNull();
    }
    TokenMinter sameKey = new TokenMinter("a token key of thirty-two bytes.".getBytes(StandardCharsets.US_ASCII));
    try (Vault nextVersion = new Vault(sameKey, 10, conversations.recall("key-1", sameKey))) {
      assertThat(nextVersion.secretAt(token, 0)).as("a new config version, the same key").isEqualTo(SECRET);
    }
  }

  @Test
  void twoSecretsBehindOneTokenRestoreNeither() {
    ConversationVault conversations = new ConversationVault(Duration.ofHours(1), 1 << 20);
    Recall recall = conversations.recall("key-1", MINTER);
    recall.keep(Category.KEY, 42, SECRET);
    assertThat(recall.recall(Category.KEY, 42)).isEqualTo(SECRET);
    recall.keep(Category.KEY, 42, "another secret".getBytes(StandardCharsets.US_ASCII));
    assertThat(recall.recall(Category.KEY, 42)).isNull();
    recall.keep(Category.KEY, 42, SECRET);
    assertThat(recall.recall(Category.KEY, 42)).isNull();
  }

  @Test
  void theBoundInBytesEvictsAndARecalledCopyIsTheCallersOwn() {
    ConversationVault conversations = new ConversationVault(Duration.ofHours(1), 4 * (SECRET.length + 96));
    Recall recall = conversations.recall("key-1", MINTER);
    for (int i = 0; i < 100; i++) {
      recall.keep(Category.KEY, i, SECRET);
    }
    assertThat(conversations.size()).isLessThanOrEqualTo(4);
    recall = new ConversationVault(Duration.ofHours(1), 1 << 20).recall("key-1", MINTER);
    recall.keep(Category.KEY, 1000, SECRET);
    byte[] copy = recall.recall(Category.KEY, 1000);
    assertThat(copy).isEqualTo(SECRET).isNotSameAs(SECRET);
    java.util.Arrays.fill(copy, (byte) 0);
    assertThat(recall.recall(Category.KEY, 1000)).isEqualTo(SECRET);
  }
}
