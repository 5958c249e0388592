package io.takumo.aegis.cli;

import io.takumo.aegis.proxy.config.ConfigException;
import io.takumo.aegis.proxy.config.ForwardProxySettings;
import io.takumo.aegis.proxy.config.GatewayConfig;
import io.takumo.aegis.proxy.config.GatewayEnvironment;
import io.takumo.aegis.proxy.forward.CertificateAuthority;
import io.takumo.aegis.proxy.forward.FleetCa;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * {@code takumo-aegis ca}: the organization's CA of the forward proxy (SPEC §10), where the gateway finds
 * it ({@code TAKUMO_CA_DIR}, default {@code ~/.takumo/ca}, or {@code TAKUMO_CA_CERT}/{@code TAKUMO_CA_KEY}).
 */
@Command(name = "ca", mixinStandardHelpOptions = true,
    description = "The forward proxy's CA: create it, or print its certificate for clients to trust.",
    subcommands = {CaCommand.Init.class, CaCommand.Export.class})
final class CaCommand {
  private CaCommand() {}

  static ForwardProxySettings settings() {
    return GatewayEnvironment.parse(System.getenv()).forwardProxy();
  }

  @Command(name = "init", mixinStandardHelpOptions = true,
      description = "Create the CA (ECDSA P-256, key mode 0600) unless there is one; print where it is.")
  static final class Init implements Callable<Integer> {
    @Override
    public Integer call() {
      try {
        ForwardProxySettings settings = settings();
        CertificateAuthority ca = CertificateAuthority.of(settings);
        System.out.println(settings.caCert() != null ? settings.caCert() : settings.caDir().resolve("ca.crt"));
        System.err.println("CA: " + ca.certificate().getSubjectX500Principal().getName()
            + ". Trust it on developers' machines: takumo-aegis ca export > takumo-ca.pem");
        return 0;
      } catch (ConfigException | IllegalArgumentException | java.io.UncheckedIOException e) {
        System.err.println("takumo-aegis: " + e.getMessage());
        return 1;
      }
    }
  }

  @Command(name = "export", mixinStandardHelpOptions = true,
      description = "Print the CA certificate as PEM, the only output on stdout (the CA is created first when "
          + "there is none): for NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, REQUESTS_CA_BUNDLE and OS trust stores.")
  static final class Export implements Callable<Integer> {
    @picocli.CommandLine.Option(names = "--fleet", description = "Print instead the proxy section of a fleet config "
        + "that gives every gateway this CA: the certificate, and the key sealed with TAKUMO_ENCRYPTION_KEY.")
    boolean fleet;

    @Override
    public Integer call() {
      try {
        GatewayConfig config = GatewayEnvironment.parse(System.getenv());
        CertificateAuthority ca = CertificateAuthority.of(config.forwardProxy());
        if (!fleet) {
          System.out.print(ca.certificatePem());
        } else {
          byte[] key = config.encryptionKey();
          if (key == null) {
            System.err.println("takumo-aegis: --fleet seals the CA key with TAKUMO_ENCRYPTION_KEY, the fleet's "
                + "encryption key: set it (32 bytes, hex or base64) as on the gateways");
            return 1;
          }
          System.out.print(fleetSection(ca, key));
        }
        System.out.flush();
        return 0;
      } catch (ConfigException | IllegalArgumentException | java.io.UncheckedIOException e) {
        System.err.println("takumo-aegis: " + e.getMessage());
        return 1;
      }
    }
  }

  /** The fleet config's {@code proxy} section (YAML) carrying {@code ca}: its certificate and its sealed key. */
  static String fleetSection(CertificateAuthority ca, byte[] encryptionKey) {
    StringBuilder yaml = new StringBuilder("proxy:\n  ca_cert_pem: |\n");
    ca.certificatePem().lines().forEach(line -> yaml.append("    ").append(line).append('\n'));
    return yaml.append("  ca_key_sealed: ").append(FleetCa.seal(ca, encryptionKey)).append('\n').toString();
  }
}
