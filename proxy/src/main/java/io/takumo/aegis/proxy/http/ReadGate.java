package io.takumo.aegis.proxy.http;

import io.netty.channel.Channel;
import io.netty.util.AttributeKey;
import java.util.EnumSet;

/**
 * The one owner of a channel's auto-read flag: it reads only while no {@link PauseReason} is set,
 * so overlapping pauses cannot undo each other. Event-loop confined; nobody else calls
 * {@code setAutoRead}.
 */
public final class ReadGate {
  private static final AttributeKey<ReadGate> KEY = AttributeKey.valueOf(ReadGate.class, "readGate");

  private final Channel channel;
  private final ProxyMetrics metrics;
  private final EnumSet<PauseReason> reasons = EnumSet.noneOf(PauseReason.class);

  private ReadGate(Channel channel, ProxyMetrics metrics) {
    this.channel = channel;
    this.metrics = metrics;
  }

  /** Creates the gate of {@code channel}; call once while the channel is set up. */
  public static ReadGate install(Channel channel, ProxyMetrics metrics) {
    ReadGate gate = new ReadGate(channel, metrics);
    channel.attr(KEY).set(gate);
    return gate;
  }

  public static ReadGate of(Channel channel) {
    ReadGate gate = channel.attr(KEY).get();
    if (gate == null) {
      throw new IllegalStateException("no ReadGate on " + channel);
    }
    return gate;
  }

  public void pause(PauseReason reason) {
    if (reasons.add(reason)) {
      metrics.paused(reason);
      if (reasons.size() == 1) {
        channel.config().setAutoRead(false);
      }
    }
  }

  public void resume(PauseReason reason) {
    if (reasons.remove(reason) && reasons.isEmpty()) {
      channel.config().setAutoRead(true);
    }
  }

  /** Whether the gateway holds the channel's reads back, for any reason. */
  public boolean paused() {
    return !reasons.isEmpty();
  }

  public void set(PauseReason reason, boolean paused) {
    if (paused) {
      pause(reason);
    } else {
      resume(reason);
    }
  }
}
