package io.takumo.aegis.shield;

import static io.takumo.aegis.shield.Samples.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.takumo.aegis.detect.Category;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TokensTest {
  @Test
  void formatIsTheSpecsAndMatchesBack() {
    byte[] token = Tokens.format(Category.KEY, 0x8f3a2b1c);
    assertThat(new String(token, StandardCharsets.US_ASCII)).isEqualTo("__TAKUMO_v1_KEY_8f3a2b1c__");
    assertThat(Tokens.match(token, 0, token.length)).isEqualTo(token.length);
    assertThat(Tokens.keyAt(token, 0)).isEqualTo(Tokens.key(Category.KEY, 0x8f3a2b1c));
    for (Category c : Category.values()) {
      byte[] t = Tokens.format(c, -1);
      assertThat(new String(t, StandardCharsets.US_ASCII)).matches("__TAKUMO_v1_(KEY|SECRET|CONN|HOST|TOKEN|USER)_ffffffff__");
      assertThat(t.length).isLessThanOrEqualTo(Tokens.MAX_LENGTH);
    }
  }

  @Test
  void malformedTokensDoNotMatch() {
    for (String s : new String[] {"__TAKUMO_v1_KEY_8f3a2b1__", "__TAKUMO_v1_KEY_8F3A2B1C__", "__TAKUMO_v2_KEY_8f3a2b1c__",
        "__TAKUMO_v1_PASS_8f3a2b1c__", "__TAKUMO_v1_KEY_8f3a2b1c_", "__TAKUMO_v1_KEY8f3a2b1c__"}) {
      byte[] b = utf8(s);
      assertThat(Tokens.match(b, 0, b.length)).as(s).isEqualTo(-1);
    }
  }

  @Test
  void everyProperPrefixOfATokenCouldStartOneAndNothingElseDoes() {
    byte[] token = Tokens.format(Category.SECRET, 0x0badf00d);
    for (int n = 1; n < token.length; n++) {
      assertThat(Tokens.couldStart(token, 0, n)).as("prefix of %d", n).isTrue();
      byte[] text = new byte[n + 3];
      text[0] = 'a';
      text[1] = 'b';
      text[2] = ' ';
      System.arraycopy(token, 0, text, 3, n);
      assertThat(Tokens.partialTail(text, 0, text.length)).isEqualTo(n == 1 ? 1 : n);
    }
    assertThat(Tokens.couldStart(token, 0, token.length)).isFalse();
    assertThat(Tokens.partialTail(utf8("plain text_"), 0, 11)).isEqualTo(1);
    assertThat(Tokens.partialTail(utf8("snake_case"), 0, 10)).isZero();
    assertThat(Tokens.partialTail(utf8("__TAKUMO_v1_KEZ"), 0, 15)).isZero();
  }

  @Test
  void mintingIsDeterministicKeyedAndProbesOnCollision() {
    byte[] secret = utf8(Samples.AWS);
    byte[] first;
    try (Vault a = Samples.vault(); Vault b = Samples.vault()) {
      first = a.put(Category.KEY, secret);
      assertThat(b.put(Category.KEY, secret)).isEqualTo(first);
      assertThat(a.put(Category.KEY, secret)).isEqualTo(first);
      assertThat(a.size()).isEqualTo(1);
      assertThat(a.put(Category.SECRET, secret)).isNotEqualTo(first); // the category is part of the input
    }
    try (Vault other = new Vault(new TokenMinter(utf8("another key of 32 bytes.........")), 10)) {
      assertThat(other.put(Category.KEY, secret)).isNotEqualTo(first);
    }
    // A vault where the first candidate is taken by a different secret uses the next 8 hex chars.
    byte[] second;
    try (Vault crowded = Samples.vault(); Vault again = Samples.vault()) {
      crowded.restore(first, Category.KEY, utf8("something else"));
      second = crowded.put(Category.KEY, secret);
      assertThat(second).isNotEqualTo(first);
      again.restore(first, Category.KEY, utf8("something else"));
      assertThat(again.put(Category.KEY, secret)).isEqualTo(second);
      byte[] digest = Samples.MINTER.digest(Category.KEY, secret);
      int hash = (digest[4] & 0xFF) << 24 | (digest[5] & 0xFF) << 16 | (digest[6] & 0xFF) << 8 | digest[7] & 0xFF;
      assertThat(second).isEqualTo(Tokens.format(Category.KEY, hash));
    }
  }

  @Test
  void theVaultIsBoundedAndZeroedOnClose() {
    Vault vault = new Vault(Samples.MINTER, 2);
    byte[] token = vault.put(Category.KEY, utf8("one-secret-value"));
    vault.put(Category.KEY, utf8("two-secret-value"));
    assertThatThrownBy(() -> vault.put(Category.KEY, utf8("three-secret-value"))).isInstanceOf(VaultFullException.class);
    byte[] held = vault.secretAt(token, 0);
    assertThat(held).isEqualTo(utf8("one-secret-value"));
    vault.close();
    assertThat(held).containsOnly(0);
    assertThat(vault.secretAt(token, 0)).isNull();
    assertThatThrownBy(() -> vault.put(Category.KEY, utf8("x"))).isInstanceOf(IllegalStateException.class);
  }
}
