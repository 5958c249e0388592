package io.takumo.aegis.proxy.config;

import static java.util.Objects.requireNonNull;

import java.util.concurrent.atomic.AtomicReference;

/**
 * The one mutable piece of configuration: the {@link RuntimeConfig} requests start with. Written by
 * one thread (the coordinator client's callback thread, or start-up), read by event loops; a request
 * reads it once, at its start.
 */
public final class RuntimeConfigHolder {
  private final AtomicReference<RuntimeConfig> current;

  public RuntimeConfigHolder(RuntimeConfig initial) {
    this.current = new AtomicReference<>(requireNonNull(initial, "initial"));
  }

  public RuntimeConfig current() {
    return requireNonNull(current.get()); // set by the constructor, replaced, never cleared
  }

  public void publish(RuntimeConfig config) {
    current.set(requireNonNull(config, "config"));
  }
}
