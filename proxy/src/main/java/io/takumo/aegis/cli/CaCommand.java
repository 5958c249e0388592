package io.takumo.aegis.cli;

import io.takumo.aegis.proxy.config.ConfigException;
import io.takumo.aegis.proxy.config.ForwardProxySettings;
import io.takumo.aegis.proxy.config.GatewayEnvironment;
import io.takumo.aegis.proxy.forward.CertificateAuthority;
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
    @Override
    public Integer call() {
      try {
        System.out.print(CertificateAuthority.of(settings()).certificatePem());
        System.out.flush();
        return 0;
      } catch (ConfigException | IllegalArgumentException | java.io.UncheckedIOException e) {
        System.err.println("takumo-aegis: " + e.getMessage());
        return 1;
      }
    }
  }
}
