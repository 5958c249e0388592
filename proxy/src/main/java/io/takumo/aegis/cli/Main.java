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

  /** Heaps from this size up run Netty's allocator in its ordinary mode (see {@link #nettyAllocatorMode}). */
  static final long ORDINARY_ALLOCATOR_HEAP = 256L << 20;

  public static void main(String[] args) {
    nettyAllocatorMode(Runtime.getRuntime().maxMemory());
    org.slf4j.bridge.SLF4JBridgeHandler.removeHandlersForRootLogger();
    org.slf4j.bridge.SLF4JBridgeHandler.install(); // java.util.logging (Caffeine, JDK) into logback
    System.exit(run(args));
  }

  /**
   * Netty 4.2's allocator switches to a low-memory mode when the heap is 512 MiB or less (a container's 40% of
   * 1 GiB is): no thread-local magazines, and every buffer above 16.5 KiB becomes a one-off chunk, zeroed by the
   * JDK, on each 64 KiB socket read. Measured with a 512 MiB heap ({@code make perf-proxy}): a passthrough tunnel
   * used 420 ms of CPU per GiB in that mode, 330 ms without it. The ordinary mode is kept from 256 MiB of heap up
   * (its chunks are at most 8 MiB); smaller heaps, and an operator's own {@code -Dio.netty.allocator.lowMemory},
   * are left to Netty.
   */
  static void nettyAllocatorMode(long maxHeap) {
    if (System.getProperty("io.netty.allocator.lowMemory") == null && maxHeap >= ORDINARY_ALLOCATOR_HEAP) {
      System.setProperty("io.netty.allocator.lowMemory", "false");
    }
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
