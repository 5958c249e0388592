package io.takumo.aegis.proxy.audit;

import com.google.protobuf.Timestamp;
import io.takumo.aegis.coordinator.client.AuditShipper;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Writes audit events to the gateway's own sink and hands a copy to the coordinator's shipper
 * (SPEC §11), which batches them and never blocks. Reads come from the own sink. Called on the
 * audit thread only.
 */
public final class ShippingAuditSink implements AuditSink {
  private final AuditSink local;
  private final AuditShipper shipper;

  public ShippingAuditSink(AuditSink local, AuditShipper shipper) {
    this.local = local;
    this.shipper = shipper;
  }

  @Override
  public void write(List<AuditEvent> batch) {
    try {
      local.write(batch);
    } finally {
      for (AuditEvent e : batch) {
        shipper.offer(toProto(e)); // full queue: dropped and counted by the shipper
      }
    }
  }

  @Override
  public Page read(String org, Instant from, Instant to, @Nullable String cursor, int limit) {
    return local.read(org, from, to, cursor, limit);
  }

  @Override
  public void close() {
    local.close();
  }

  @SuppressWarnings("JavaInstantGetSecondsGetNano") // epoch second and nano-of-second are what Timestamp takes
  static io.takumo.aegis.proto.coordinator.v1.AuditEvent toProto(AuditEvent e) {
    var b = io.takumo.aegis.proto.coordinator.v1.AuditEvent.newBuilder()
        .setAt(Timestamp.newBuilder().setSeconds(e.at().getEpochSecond()).setNanos(e.at().getNano()))
        .setRequestId(e.requestId())
        .setOrgId(e.org())
        .setKeyPrefix(e.keyPrefix() == null ? "" : e.keyPrefix())
        .setProvider(e.provider())
        .setMethod(e.method())
        .setRoute(e.route())
        .setStatus(e.status())
        .setAddedLatencyMs(e.addedLatencyMs())
        .setUpstreamLatencyMs(e.upstreamLatencyMs())
        .setBytesIn(e.bytesIn())
        .setBytesOut(e.bytesOut())
        .setTokensRehydrated(e.tokensRehydrated())
        .setUnknownTokens(e.unknownTokens())
        .addAllActions(e.actions());
    for (AuditEvent.Detection d : e.detections()) {
      b.addDetections(io.takumo.aegis.proto.coordinator.v1.Detection.newBuilder()
          .setCategory(d.category()).setType(d.type()).setLocation(d.location()).setCount(d.count()));
    }
    return b.build();
  }
}
