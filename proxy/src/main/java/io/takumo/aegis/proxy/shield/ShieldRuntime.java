package io.takumo.aegis.proxy.shield;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.takumo.aegis.proxy.auth.OrgSettings;
import io.takumo.aegis.proxy.auth.Principal;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.RuntimeConfig;
import io.takumo.aegis.shield.ScanMemo;
import io.takumo.aegis.shield.TokenMinter;
import io.takumo.aegis.shield.Vault;
import java.util.Arrays;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What tokenization needs at run time, shared by every connection: the gateway's own token minter
 * (keyed by {@code TAKUMO_TOKEN_KEY}), the vault limit, and the REST sessions. The detector and the
 * fleet's token key come with each request's {@link RuntimeConfig}. Thread-safe.
 */
public final class ShieldRuntime implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(ShieldRuntime.class);

  private final boolean enabled;
  private final TokenMinter minter;
  private final int maxVaultEntries;
  private final Sessions sessions;
  /** Secrets kept across exchanges for stateful conversations; null with {@code TAKUMO_VAULT_TTL=0}. */
  private final @Nullable ConversationVault conversations;
  private final @Nullable SeenStrings seenStrings;
  /** Minters of organizations' token keys, by key (a rotated key gets a new minter). */
  private final Cache<String, TokenMinter> orgMinters = Caffeine.newBuilder().maximumSize(10_000)
      .executor(Runnable::run) // per request: maintenance on the event loop, as RateLimiter's
      .build();

  public ShieldRuntime(GatewayConfig config) {
    this.enabled = config.tokenize();
    byte[] key = config.tokenKey();
    if (key == null) {
      log.warn("TAKUMO_TOKEN_KEY is not set: tokens are keyed randomly for this process, so they change on restart "
          + "and differ between gateways. Set a shared key (32 random bytes, hex) in production.");
      this.minter = TokenMinter.random();
    } else {
      this.minter = new TokenMinter(key);
    }
    this.maxVaultEntries = config.maxVaultEntries();
    this.sessions = new Sessions(config.maxSessions(), config.sessionTtl());
    GatewayConfig.Conversations c = config.conversations();
    this.conversations = c.vaultTtl().isZero() ? null : new ConversationVault(c.vaultTtl(), c.vaultMaxBytes());
    // Kept as long as the vault keeps secrets, and not at all without it: the memo holds decoded secrets too.
    this.seenStrings = c.vaultTtl().isZero() || c.scanMemoBytes() == 0 ? null
        : new SeenStrings(c.vaultTtl(), c.scanMemoBytes());
    if (!enabled) {
      log.warn("TAKUMO_TOKENIZE=off: request bodies are forwarded unscanned. Use this only to measure the relay.");
    }
  }

  /** Whether provider traffic is tokenized (always, unless switched off to measure the relay). */
  public boolean enabled() {
    return enabled;
  }

  /** A new vault for one exchange or session, bounded by {@code TAKUMO_MAX_VAULT_ENTRIES}. */
  public Vault newVault() {
    return new Vault(minter, maxVaultEntries);
  }

  /**
   * A new vault minting with the organization's token key when it has one, else the fleet's (from
   * the request's config), else the gateway's own (SPEC §2).
   */
  public Vault newVault(RuntimeConfig config, @Nullable OrgSettings org) {
    return new Vault(minter(config, org), maxVaultEntries);
  }

  /** The scan memo, or null when it is off ({@code TAKUMO_SCAN_MEMO_BYTES=0} or {@code TAKUMO_VAULT_TTL=0}): for its metrics. */
  public @Nullable SeenStrings seenStrings() {
    return seenStrings;
  }

  /** The scan memo of {@code principal} for {@code config}'s detector, or null (memo off, or no caller). */
  public @Nullable ScanMemo scanMemo(RuntimeConfig config, @Nullable Principal principal) {
    SeenStrings seen = seenStrings;
    return seen == null || principal == null ? null : seen.memo(principal.key().id(), config.shield().detector());
  }

  /** The conversation vault, or null when it is off ({@code TAKUMO_VAULT_TTL=0}): for its metrics. */
  public @Nullable ConversationVault conversations() {
    return conversations;
  }

  /**
   * A new vault for one exchange of {@code principal}: minting as {@link #newVault(RuntimeConfig, OrgSettings)},
   * and backed by the caller's part of the conversation vault, which keeps what it mints and restores tokens
   * of the caller's earlier exchanges (without a principal, or with {@code TAKUMO_VAULT_TTL=0}: this exchange only).
   */
  public Vault newExchangeVault(RuntimeConfig config, @Nullable Principal principal) {
    TokenMinter m = minter(config, principal == null ? null : principal.orgSettings());
    ConversationVault c = conversations;
    return new Vault(m, maxVaultEntries, c == null || principal == null ? null : c.recall(principal.key().id(), m));
  }

  private TokenMinter minter(RuntimeConfig config, @Nullable OrgSettings org) {
    byte[] key = org == null ? null : org.tokenKey();
    if (key == null) {
      TokenMinter fleet = config.minter();
      return fleet != null ? fleet : minter;
    }
    try {
      String id = HexFormat.of().formatHex(sha256(key)); // the cache holds no key in clear
      return orgMinters.get(id, k -> new TokenMinter(key));
    } finally {
      Arrays.fill(key, (byte) 0);
    }
  }

  private static byte[] sha256(byte[] key) {
    try {
      return java.security.MessageDigest.getInstance("SHA-256").digest(key);
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }

  public Sessions sessions() {
    return sessions;
  }

  @Override
  public void close() {
    sessions.close();
  }
}
