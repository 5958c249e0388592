package io.takumo.aegis.proxy.server;

import io.takumo.aegis.coordinator.client.ConfigListener;
import io.takumo.aegis.coordinator.client.ConfigRejectedException;
import io.takumo.aegis.coordinator.client.Snapshot;
import io.takumo.aegis.proxy.auth.KeyStore;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.RuntimeConfig;
import io.takumo.aegis.proxy.config.RuntimeConfigHolder;
import java.util.HashSet;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies what the coordinator sends: compiles each snapshot off the event loops (on the client's
 * callback thread), publishes it atomically, and evicts newly revoked keys from the key cache at once.
 * A snapshot that does not compile is refused (NACK) and the running config stays.
 */
final class FleetListener implements ConfigListener {
  private static final Logger log = LoggerFactory.getLogger(FleetListener.class);

  private final GatewayConfig base;
  private final RuntimeConfigHolder holder;
  private final KeyStore keys;

  FleetListener(GatewayConfig base, RuntimeConfigHolder holder, KeyStore keys) {
    this.base = base;
    this.holder = holder;
    this.keys = keys;
  }

  @Override
  public void apply(Snapshot snapshot) throws ConfigRejectedException {
    RuntimeConfig compiled = RuntimeConfig.compile(base, snapshot);
    RuntimeConfig previous = holder.current();
    holder.publish(compiled);
    Set<String> newlyRevoked = new HashSet<>(compiled.fleet().revokedKeyHashes());
    newlyRevoked.removeAll(previous.fleet().revokedKeyHashes());
    if (!newlyRevoked.isEmpty()) {
      keys.evict(newlyRevoked);
      log.info("{} API key(s) revoked by the fleet config", newlyRevoked.size());
    }
    log.info("running fleet config version {} ({})", compiled.version(), snapshot.source().wireName());
  }
}
