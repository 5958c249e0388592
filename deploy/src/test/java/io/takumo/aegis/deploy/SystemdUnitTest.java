package io.takumo.aegis.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The VM unit, checked by systemd's own tools where systemd is installed ({@code systemd-analyze verify} and
 * the offline security review); skipped, saying so, where it is not.
 */
class SystemdUnitTest {
  private static final Path UNIT = Path.of("systemd/takumo-aegis.service");
  private static final Pattern EXPOSURE = Pattern.compile("Overall exposure level for \\S+: (\\d+\\.\\d+)");

  @BeforeAll
  static void needsSystemd() {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/systemd-analyze")) || Files.isExecutable(Path.of("/bin/systemd-analyze")),
        "systemd-analyze is not installed here (Debian package systemd): the unit is not checked on this machine");
  }

  @Test
  void systemdAcceptsTheUnit() throws Exception {
    Result verify = run("systemd-analyze", "verify", UNIT.toAbsolutePath().toString());
    assertThat(verify.output()).as("systemd-analyze verify").isEmpty();
    assertThat(verify.exit()).isZero();
  }

  @Test
  void aBrokenCopyIsRefused(@TempDir Path dir) throws Exception {
    Path broken = dir.resolve("takumo-aegis.service");
    Files.writeString(broken, Files.readString(UNIT).replace("ExecStart=/usr/bin/java", "ExecStart=/nonexistent/java")
        .replace("ProtectSystem=strict", "ProtectSystem=sometimes"));
    Result verify = run("systemd-analyze", "verify", broken.toString());
    assertThat(verify.exit()).isNotZero();
    assertThat(verify.output()).contains("/nonexistent/java").contains("protect system value");
  }

  @Test
  void theSecurityReviewRatesItOk() throws Exception {
    Result review = run("systemd-analyze", "security", "--offline=yes", "--no-pager", UNIT.toAbsolutePath().toString());
    Matcher level = EXPOSURE.matcher(review.output());
    assertThat(level.find()).as(review.output()).isTrue();
    assertThat(Double.parseDouble(level.group(1))).as("exposure (0 best, 10 worst; 2.0 and less is OK)")
        .isLessThanOrEqualTo(2.0);
  }

  @Test
  void itRunsUnprivilegedWithStateAndPort443() throws IOException {
    List<String> lines = Files.readAllLines(UNIT);
    assertThat(lines).contains("DynamicUser=yes", "StateDirectory=takumo-aegis", "EnvironmentFile=-/etc/takumo-aegis/gateway.env",
        "AmbientCapabilities=CAP_NET_BIND_SERVICE", "CapabilityBoundingSet=CAP_NET_BIND_SERVICE", "NoNewPrivileges=yes",
        "ProtectSystem=strict", "ProtectHome=yes", "PrivateTmp=yes", "KillSignal=SIGTERM", "ExecReload=/bin/kill -HUP $MAINPID");
    assertThat(lines).filteredOn(l -> l.matches("Environment=(HOME|TAKUMO_[A-Z_]+_(FILE|DIR))=.*")).hasSize(4).allSatisfy(l -> assertThat(l).contains("%S/takumo-aegis"));
  }

  private record Result(int exit, String output) {}

  private static Result run(String... command) throws Exception {
    Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output.strip());
  }
}
