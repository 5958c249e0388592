package io.takumo.aegis.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The chart through Helm itself (helm-java: Helm's engine in-process): lint, and every mode rendered and read back. */
class HelmChartTest {
  static final Path CHART = Path.of("helm/takumo-aegis");
  private static final String NAME = "aegis-takumo-aegis";

  @Test
  void lintsCleanInStrictMode() {
    LintResult lint = new Helm(CHART).lint().strict().call();
    assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();
  }

  @Test
  void theDefaultIsOneGatewayWithItsOwnKeyStoreLockedDown() {
    Rendered out = render(Map.of());
    assertThat(out.kinds()).containsExactlyInAnyOrder("Deployment", "Service", "PodDisruptionBudget");

    JsonNode deployment = out.one("Deployment", NAME);
    assertThat(deployment.at("/spec/replicas").asInt()).isEqualTo(1);
    JsonNode pod = deployment.at("/spec/template/spec");
    assertThat(pod.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(pod.at("/securityContext/runAsUser").asInt()).isEqualTo(10001);
    assertThat(pod.at("/securityContext/seccompProfile/type").asText()).isEqualTo("RuntimeDefault");
    JsonNode gateway = container(pod, "gateway");
    assertThat(gateway.path("image").asText()).isEqualTo("localhost/takumo-aegis:0.1.0-SNAPSHOT");
    assertThat(strings(gateway.path("args"))).containsExactly("gateway"); // its first key goes to the log
    assertThat(env(gateway)).containsEntry("TAKUMO_LISTEN_ADDR", "0.0.0.0:8080").containsEntry("TAKUMO_ENVIRONMENT", "live")
        .containsEntry("TAKUMO_FAIL_MODE", "closed").doesNotContainKeys("TAKUMO_TLS_CERT", "TAKUMO_DATABASE_URL");
    assertThat(gateway.at("/ports/0/containerPort").asInt()).isEqualTo(8080);
    assertThat(gateway.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(gateway.at("/readinessProbe/httpGet/path").asText()).isEqualTo("/readyz");
    assertThat(gateway.at("/readinessProbe/httpGet/scheme").asText()).isEqualTo("HTTP");
    JsonNode security = gateway.path("securityContext");
    assertThat(security.path("readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(security.path("allowPrivilegeEscalation").asBoolean()).isFalse();
    assertThat(strings(security.at("/capabilities/drop"))).containsExactly("ALL");
    assertThat(security.at("/capabilities/add").isMissingNode()).isTrue();
    assertThat(mounts(gateway)).containsEntry("state", "/var/lib/takumo").containsEntry("tmp", "/tmp");
    assertThat(gateway.at("/resources/limits/memory").asText()).isEqualTo("1Gi");

    JsonNode service = out.one("Service", NAME);
    assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(80);
    assertThat(service.at("/spec/ports/0/targetPort").asText()).isEqualTo("http");
    assertThat(service.at("/spec/ports/0/appProtocol").asText()).isEqualTo("kubernetes.io/h2c");
    assertThat(service.at("/spec/selector")).isEqualTo(deployment.at("/spec/selector/matchLabels"));
    assertThat(out.one("PodDisruptionBudget", NAME).at("/spec/maxUnavailable").asInt()).isEqualTo(1);
  }

  @Test
  void aFleetOfGatewaysSharesItsKeysAndScales() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("gateway.database.urlSecret.name", "aegis-db");
    values.put("gateway.coordinator.url", "https://coordinator.ai.svc:50051");
    values.put("gateway.coordinator.joinKeySecret.name", "aegis-fleet");
    values.put("gateway.envFromSecret", "aegis-provider-keys");
    values.put("gateway.env.TAKUMO_SCAN_HEADERS", "on");
    values.put("gateway.proxyCaSecret", "aegis-proxy-ca");
    values.put("autoscaling.enabled", true);
    values.put("autoscaling.maxReplicas", 6);
    Rendered out = render(values);
    assertThat(out.kinds()).containsExactlyInAnyOrder("Deployment", "Service", "PodDisruptionBudget",
        "HorizontalPodAutoscaler");

    JsonNode deployment = out.one("Deployment", NAME);
    assertThat(deployment.at("/spec/replicas").isMissingNode()).as("the autoscaler owns the count").isTrue();
    JsonNode gateway = container(deployment.at("/spec/template/spec"), "gateway");
    assertThat(strings(gateway.path("args"))).containsExactly("gateway", "--no-first-key");
    assertThat(secretEnv(gateway, "TAKUMO_DATABASE_URL")).isEqualTo("aegis-db/url");
    assertThat(secretEnv(gateway, "TAKUMO_JOIN_KEY")).isEqualTo("aegis-fleet/join-key");
    assertThat(env(gateway)).containsEntry("TAKUMO_COORDINATOR_URL", "https://coordinator.ai.svc:50051")
        .containsEntry("TAKUMO_SCAN_HEADERS", "on");
    assertThat(gateway.at("/envFrom/0/secretRef/name").asText()).isEqualTo("aegis-provider-keys");
    assertThat(env(gateway)).as("one forward-proxy CA for every replica")
        .containsEntry("TAKUMO_CA_CERT", "/etc/takumo/proxy-ca/tls.crt").containsEntry("TAKUMO_CA_KEY", "/etc/takumo/proxy-ca/tls.key");
    assertThat(mounts(gateway)).containsEntry("proxy-ca", "/etc/takumo/proxy-ca");

    JsonNode hpa = out.one("HorizontalPodAutoscaler", NAME);
    assertThat(hpa.at("/spec/scaleTargetRef/name").asText()).isEqualTo(NAME);
    assertThat(hpa.at("/spec/minReplicas").asInt()).isEqualTo(2);
    assertThat(hpa.at("/spec/maxReplicas").asInt()).isEqualTo(6);
    assertThat(hpa.at("/spec/metrics/0/resource/target/averageUtilization").asInt()).isEqualTo(70);
  }

  @Test
  void tlsFromASecretServes443FromAnUnprivilegedPort() {
    Rendered out = render(Map.of("gateway.tls.enabled", true, "gateway.tls.secretName", "aegis-edge-tls"));
    JsonNode pod = out.one("Deployment", NAME).at("/spec/template/spec");
    JsonNode gateway = container(pod, "gateway");
    assertThat(env(gateway)).containsEntry("TAKUMO_LISTEN_ADDR", "0.0.0.0:8443")
        .containsEntry("TAKUMO_TLS_CERT", "/etc/takumo/tls/tls.crt").containsEntry("TAKUMO_TLS_KEY", "/etc/takumo/tls/tls.key");
    assertThat(gateway.at("/readinessProbe/httpGet/scheme").asText()).isEqualTo("HTTPS");
    assertThat(mounts(gateway)).containsEntry("tls", "/etc/takumo/tls");
    assertThat(volume(pod, "tls").at("/secret/secretName").asText()).isEqualTo("aegis-edge-tls");
    assertThat(volume(pod, "tls").has("subPath")).isFalse(); // a renewed Secret must reach the file watcher
    assertThat(gateway.at("/securityContext/capabilities/add").isMissingNode()).isTrue();
    JsonNode service = out.one("Service", NAME);
    assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(443);
    assertThat(service.at("/spec/ports/0/name").asText()).isEqualTo("https");
  }

  @Test
  void certManagerAndBindingPort443ItselfAddOnlyNetBindService() {
    Map<String, Object> values = new LinkedHashMap<>();
    values.put("gateway.tls.enabled", true);
    values.put("gateway.tls.bindPrivilegedPort", true);
    values.put("gateway.tls.certManager.enabled", true);
    values.put("gateway.tls.certManager.issuerRef.name", "letsencrypt");
    values.put("gateway.tls.certManager.dnsNames[0]", "ai.example.com");
    Rendered out = render(values);
    JsonNode certificate = out.one("Certificate", NAME);
    assertThat(certificate.path("apiVersion").asText()).isEqualTo("cert-manager.io/v1");
    assertThat(certificate.at("/spec/secretName").asText()).isEqualTo(NAME + "-tls");
    assertThat(certificate.at("/spec/issuerRef/name").asText()).isEqualTo("letsencrypt");
    assertThat(strings(certificate.at("/spec/dnsNames"))).containsExactly("ai.example.com");

    JsonNode pod = out.one("Deployment", NAME).at("/spec/template/spec");
    JsonNode gateway = container(pod, "gateway");
    assertThat(volume(pod, "tls").at("/secret/secretName").asText()).isEqualTo(NAME + "-tls");
    assertThat(gateway.at("/ports/0/containerPort").asInt()).isEqualTo(443);
    assertThat(strings(gateway.at("/securityContext/capabilities/add"))).containsExactly("NET_BIND_SERVICE");
    assertThat(strings(gateway.at("/securityContext/capabilities/drop"))).containsExactly("ALL");
    assertThat(pod.at("/securityContext/sysctls/0/name").asText()).isEqualTo("net.ipv4.ip_unprivileged_port_start");
  }

  @Test
  void prometheusAndGrafanaWhenAsked() throws Exception {
    Rendered out = render(Map.of("serviceMonitor.enabled", true, "grafanaDashboard.enabled", true));
    JsonNode monitor = out.one("ServiceMonitor", NAME);
    assertThat(monitor.at("/spec/endpoints/0/path").asText()).isEqualTo("/metrics");
    assertThat(monitor.at("/spec/endpoints/0/port").asText()).isEqualTo("http");
    assertThat(monitor.at("/spec/selector/matchLabels"))
        .isEqualTo(out.one("Service", NAME).at("/spec/selector"));
    JsonNode dashboard = out.one("ConfigMap", NAME + "-dashboard");
    assertThat(dashboard.at("/metadata/labels/grafana_dashboard").asText()).isEqualTo("1");
    ObjectMapper json = new ObjectMapper();
    assertThat(json.readTree(dashboard.at("/data/takumo-aegis.json").asText()))
        .isEqualTo(json.readTree(Files.readString(GrafanaDashboardIT.DASHBOARD)));
  }

  @Test
  void sidecarModePutsTheGatewayOnTheAppsLoopback() {
    Rendered out = render(Map.of("mode", "sidecar", "sidecar.app.image", "registry.example.com/agent:1.4"));
    assertThat(out.kinds()).containsExactly("Deployment");
    JsonNode pod = out.one("Deployment", NAME + "-app").at("/spec/template/spec");
    assertThat(pod.path("containers")).hasSize(2);

    JsonNode app = container(pod, "app");
    assertThat(app.path("image").asText()).isEqualTo("registry.example.com/agent:1.4");
    assertThat(env(app)).containsEntry("ANTHROPIC_BASE_URL", "http://127.0.0.1:8080")
        .containsEntry("OPENAI_BASE_URL", "http://127.0.0.1:8080/v1");
    assertThat(secretEnv(app, "ANTHROPIC_API_KEY")).isEqualTo("takumo-aegis-sidecar-keys/api-key");
    assertThat(secretEnv(app, "OPENAI_API_KEY")).isEqualTo("takumo-aegis-sidecar-keys/api-key");

    JsonNode gateway = container(pod, "takumo-aegis");
    assertThat(env(gateway)).containsEntry("TAKUMO_LISTEN_ADDR", "127.0.0.1:8080")
        .containsEntry("TAKUMO_KEYS_FILE", "/etc/takumo/keys/keys.json");
    assertThat(secretEnv(gateway, "TAKUMO_TOKEN_KEY")).isEqualTo("takumo-aegis-sidecar-keys/token-key");
    assertThat(gateway.has("ports")).as("nothing outside the pod reaches it").isFalse();
    assertThat(strings(gateway.at("/livenessProbe/exec/command"))).contains("io.takumo.aegis.cli.HealthCheck");
    assertThat(gateway.at("/securityContext/runAsNonRoot").asBoolean()).isTrue();
    assertThat(gateway.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    assertThat(mounts(gateway)).containsEntry("takumo-aegis-keys", "/etc/takumo/keys")
        .containsEntry("takumo-aegis-state", "/var/lib/takumo").containsEntry("takumo-aegis-tmp", "/tmp");
    assertThat(volume(pod, "takumo-aegis-keys").at("/secret/secretName").asText()).isEqualTo("takumo-aegis-sidecar-keys");
  }

  @Test
  void coordinatorModeRunsTheCoordinatorOnPostgresql() {
    Rendered out = render(Map.of("mode", "coordinator", "coordinator.databaseUrlSecret.name", "coordinator-db"));
    assertThat(out.kinds()).containsExactlyInAnyOrder("Deployment", "Service");
    JsonNode coordinator = container(out.one("Deployment", NAME).at("/spec/template/spec"), "coordinator");
    assertThat(strings(coordinator.path("args"))).containsExactly("coordinator");
    assertThat(secretEnv(coordinator, "TAKUMO_DATABASE_URL")).isEqualTo("coordinator-db/url");
    assertThat(env(coordinator)).containsEntry("TAKUMO_GRPC_PORT", "50051").containsEntry("TAKUMO_HTTP_PORT", "8080");
    assertThat(coordinator.at("/livenessProbe/httpGet/path").asText()).isEqualTo("/healthz");
    assertThat(coordinator.at("/securityContext/readOnlyRootFilesystem").asBoolean()).isTrue();
    JsonNode service = out.one("Service", NAME);
    assertThat(service.at("/spec/ports/0/port").asInt()).isEqualTo(50051);
    assertThat(service.at("/spec/ports/0/appProtocol").asText()).isEqualTo("grpc");
    assertThat(service.at("/spec/ports/1/port").asInt()).isEqualTo(8080);
  }

  @Test
  void valuesThatCannotWorkAreRefusedWithTheReason() {
    assertThatThrownBy(() -> render(Map.of("mode", "edge"))).hasMessageContaining("mode");
    assertThatThrownBy(() -> render(Map.of("gateway.replicaCount", 3)))
        .hasMessageContaining("more than one gateway replica needs keys they share");
    assertThatThrownBy(() -> render(Map.of("autoscaling.enabled", true)))
        .hasMessageContaining("more than one gateway replica needs keys they share");
    assertThatThrownBy(() -> render(Map.of("gateway.coordinator.url", "coordinator:50051")))
        .hasMessageContaining("gateway.coordinator.joinKeySecret.name");
    assertThatThrownBy(() -> render(Map.of("gateway.tls.enabled", true)))
        .hasMessageContaining("gateway.tls.secretName is required");
    assertThatThrownBy(() -> render(Map.of("mode", "sidecar"))).hasMessageContaining("sidecar.app.image is required");
    assertThatThrownBy(() -> render(Map.of("mode", "coordinator")))
        .hasMessageContaining("coordinator.databaseUrlSecret.name is required");
    assertThatThrownBy(() -> render(Map.of("gateway.environment", "prod"))).hasMessageContaining("environment");
  }

  static Rendered render(Map<String, Object> values) {
    TemplateCommand template = new Helm(CHART).template().withName("aegis").withNamespace("ai")
        .withKubeVersion("v1.31.0"); // helm template assumes 1.20 without a cluster
    values.forEach(template::set);
    return Rendered.of(template.call());
  }

  static JsonNode container(JsonNode pod, String name) {
    for (JsonNode container : pod.path("containers")) {
      if (container.path("name").asText().equals(name)) {
        return container;
      }
    }
    throw new AssertionError("no container " + name + " in " + pod);
  }

  private static JsonNode volume(JsonNode pod, String name) {
    for (JsonNode volume : pod.path("volumes")) {
      if (volume.path("name").asText().equals(name)) {
        return volume;
      }
    }
    throw new AssertionError("no volume " + name + " in " + pod);
  }

  /** The plain-valued environment variables of {@code container}. */
  static Map<String, String> env(JsonNode container) {
    Map<String, String> out = new LinkedHashMap<>();
    container.path("env").forEach(e -> {
      if (e.has("value")) {
        out.put(e.path("name").asText(), e.path("value").asText());
      }
    });
    return out;
  }

  /** {@code secret/key} of the variable {@code name} taken from a Secret. */
  private static String secretEnv(JsonNode container, String name) {
    for (JsonNode e : container.path("env")) {
      if (e.path("name").asText().equals(name)) {
        JsonNode ref = e.at("/valueFrom/secretKeyRef");
        return ref.path("name").asText() + '/' + ref.path("key").asText();
      }
    }
    throw new AssertionError("no variable " + name);
  }

  private static Map<String, String> mounts(JsonNode container) {
    Map<String, String> out = new LinkedHashMap<>();
    container.path("volumeMounts").forEach(m -> out.put(m.path("name").asText(), m.path("mountPath").asText()));
    return out;
  }

  private static List<String> strings(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false).map(JsonNode::asText).toList();
  }
}
