package io.takumo.aegis.coordinator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.takumo.aegis.proto.coordinator.v1.HealthReport;
import io.takumo.aegis.proto.coordinator.v1.OrgUsage;
import io.takumo.aegis.proto.coordinator.v1.RateLimitShares;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RateSharesTest {
  private static HealthReport report(String gateway, long orgA) {
    return HealthReport.newBuilder().setInstanceId(gateway)
        .addUsage(OrgUsage.newBuilder().setOrgId("org_a").setRequests(orgA)).build();
  }

  @Test
  void sharesFollowReportedTrafficAndSumToOneAcrossTheFleet() {
    RateShares shares = new RateShares();
    shares.report(report("g1", 899));
    shares.report(report("g2", 99));
    shares.report(HealthReport.newBuilder().setInstanceId("g3").build()); // no traffic of org_a
    Set<String> fleet = Set.of("g1", "g2", "g3");
    RateLimitShares g1 = shares.sharesOf("g1", fleet);
    RateLimitShares g2 = shares.sharesOf("g2", fleet);
    RateLimitShares g3 = shares.sharesOf("g3", fleet);
    assertThat(g1.getOrgSharesOrThrow("org_a")).isCloseTo(900.0 / 1001, within(1e-9));
    assertThat(g2.getOrgSharesOrThrow("org_a")).isCloseTo(100.0 / 1001, within(1e-9));
    assertThat(g3.getOrgSharesOrThrow("org_a")).isCloseTo(1.0 / 1001, within(1e-9)); // never zero
    assertThat(g1.getOrgSharesOrThrow("org_a") + g2.getOrgSharesOrThrow("org_a") + g3.getOrgSharesOrThrow("org_a"))
        .isCloseTo(1, within(1e-9));
    assertThat(g1.getDefaultShare()).isCloseTo(1.0 / 3, within(1e-9));

    shares.forget("g3");
    RateLimitShares alone = shares.sharesOf("g1", Set.of("g1"));
    assertThat(alone.getOrgSharesOrThrow("org_a")).isEqualTo(1);
    assertThat(alone.getDefaultShare()).isEqualTo(1);
  }
}
