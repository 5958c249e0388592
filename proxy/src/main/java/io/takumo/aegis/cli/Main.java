package io.takumo.aegis.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code takumo-aegis}: the gateway and its tools. */
@Command(
    name = "takumo-aegis",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "AI-traffic gateway that replaces secrets with tokens before they reach an AI provider.",
    subcommands = {GatewayCommand.class, KeysCommand.class, OrgsCommand.class, ScanCommand.class, TokenizeCommand.class,
        RehydrateCommand.class, DbCommand.class, CoordinatorCommand.class, CaCommand.class,
        CommandLine.HelpCommand.class})
public final class Main {
  /** Usage errors exit 2, as documented for every subcommand. */
  public static final int EXIT_USAGE = 2;

  public static void main(String[] args) {
    org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
    org.slf4j.bridge.SLF4JBridgeHandler.install(); // java.util.logging (Caffeine, JDK) into logback
    System.exit(run(args));
  }

  /** Runs the CLI without exiting, for tests. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new Main());
    cli.setExitCodeExceptionMapper(e -> EXIT_USAGE);
    cli.setParameterExceptionHandler((e, a) -> {
      e.getCommandLine().getErr().println("takumo-aegis: " + e.getMessage());
      e.getCommandLine().getErr().println("Run 'takumo-aegis " + e.getCommandLine().getCommandName() + " --help' for usage.");
      return EXIT_USAGE;
    });
    return cli.execute(args);
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"takumo-aegis " + (version == null ? "development build" : version)};
    }
  }
}
