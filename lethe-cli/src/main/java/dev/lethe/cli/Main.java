package dev.lethe.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code lethe} command. Each capability is a subcommand; {@code lethe help CMD} explains one. */
@Command(
    name = "lethe",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "Privacy filter, data controls and privacy-preserving training snapshots.",
    subcommands = {
      CommandLine.HelpCommand.class,
      RedactCommand.class,
      EvalCommand.class,
      RestoreCommand.class,
      TrainCommand.class,
      ServeCommand.class,
      RetentionCommand.class,
      BuildCommand.class,
      ForgetCommand.class,
      VerifyCommand.class,
      DemoCommand.class,
      GuardCommand.class,
      InsightsCommand.class,
      AuditCommand.class,
    })
public final class Main implements Runnable {
  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(System.out);
  }

  public static void main(String[] args) {
    System.exit(commandLine().execute(args));
  }

  /** The configured command line, shared by {@link #main} and tests. */
  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setExecutionExceptionHandler((ex, cmd, parsed) -> {
      String m = ex.getMessage();
      cmd.getErr().println("lethe " + cmd.getCommandName() + ": " + (m == null || m.isBlank() ? ex.getClass().getSimpleName() : m));
      return 1;
    });
    return cl;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"lethe " + (v == null ? "dev" : v)};
    }
  }
}
