package dev.retold.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code retold} command: subcommands only, each a thin layer that parses, calls the library,
 * prints, and maps errors to exit codes (0 done, 1 the run failed, 2 bad usage).
 */
@Command(
    name = "retold",
    mixinStandardHelpOptions = true,
    versionProvider = RetoldCli.Version.class,
    description =
        "Finds which news articles retell the same story, with the evidence for each link.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:done",
      "1:the run failed (missing folder, unwritable output, standard output not written...)",
      "2:bad usage",
      "3:out of memory (the launcher says how to give Java more)",
      "4:'evaluate --min-f1' was not reached"
    },
    subcommands = {
      ScanCommand.class,
      CompareCommand.class,
      ExplainCommand.class,
      EvaluateCommand.class,
      IndexCommand.class,
      CommandLine.HelpCommand.class
    })
public final class RetoldCli implements Runnable {
  /** Exit code of a run that failed: missing folder, unwritable output... */
  static final int EXIT_FAILED = 1;

  /** Exit code of a command line that could not be parsed. */
  static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, StandardOutput.open(), new PrintWriter(System.err, true)));
  }

  /**
   * Runs the command line with the given streams and returns the exit code. A run whose output
   * could not all be written (a full disk, a closed pipe: {@link PrintWriter#checkError()}) failed,
   * whatever the command returned: it says so on {@code err} and exits with {@link #EXIT_FAILED}.
   */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    int code = commandLine(out, err).execute(args);
    if (out.checkError()) {
      String reason = out instanceof StandardOutput standard ? standard.failure() : null;
      err.println(
          "retold: cannot write to standard output" + (reason == null ? "" : ": " + reason));
      err.flush();
      return EXIT_FAILED;
    }
    return code;
  }

  static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new RetoldCli());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExitCodeExceptionMapper(exception -> EXIT_FAILED);
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          cmd.getErr().println("retold: " + Visible.of(message(exception)));
          cmd.getErr().flush();
          return EXIT_FAILED;
        });
    commandLine.setParameterExceptionHandler(
        (exception, args) -> {
          CommandLine cmd = exception.getCommandLine();
          cmd.getErr().println("retold: " + Visible.of(String.valueOf(exception.getMessage())));
          cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
          cmd.getErr().flush();
          return EXIT_USAGE;
        });
    return commandLine;
  }

  /** A one-line message for an exception, naming the file where there is one. */
  static String message(Exception exception) {
    Throwable cause = exception instanceof UncheckedIOException ? exception.getCause() : exception;
    if (cause instanceof java.nio.file.NoSuchFileException missing) {
      return "no such file or folder: " + missing.getFile();
    }
    if (cause instanceof java.nio.file.AccessDeniedException denied) {
      return "permission denied: " + denied.getFile();
    }
    if (cause instanceof java.nio.file.FileSystemException fileSystem) {
      return fileSystem.getFile()
          + ": "
          + (fileSystem.getReason() == null
              ? cause.getClass().getSimpleName()
              : fileSystem.getReason());
    }
    String text = cause.getMessage();
    return text == null ? cause.getClass().getSimpleName() : text;
  }

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is needed, e.g. 'retold scan DIR'");
  }

  /** Reads the version Maven wrote into the jar. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties properties = new Properties();
      try (InputStream in = RetoldCli.class.getResourceAsStream("version.properties")) {
        if (in != null) {
          properties.load(in);
        }
      }
      return new String[] {"retold " + properties.getProperty("version", "unknown")};
    }
  }
}
