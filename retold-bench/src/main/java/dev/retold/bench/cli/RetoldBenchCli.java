package dev.retold.bench.cli;

import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystemException;
import java.nio.file.NotDirectoryException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code retold-bench} command: subcommands only, each a thin layer that parses, calls the
 * library, prints, and maps errors to exit codes (0 done, 1 the run failed, 2 bad usage).
 */
@Command(
    name = "retold-bench",
    mixinStandardHelpOptions = true,
    version = "retold-bench",
    description =
        "Tools for benchmarking Retold: a generator of labelled news-like corpora, signature"
            + " throughput benchmarks, scale runs, and the dev suite of labelled corpora.",
    subcommands = {
      GenerateCommand.class,
      BenchCommand.class,
      ScaleCommand.class,
      ThroughputCommand.class,
      QualityCommand.class,
      IndexBenchCommand.class,
      CommandLine.HelpCommand.class
    })
public final class RetoldBenchCli implements Runnable {
  /** Exit code of a run that failed: an output folder that is not empty, a full disk... */
  static final int EXIT_FAILED = 1;

  /** Exit code of a command line that could not be parsed or holds an impossible setting. */
  static final int EXIT_USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** Runs the command line and exits with its code. */
  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams and returns the exit code; for tests. */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine commandLine = new CommandLine(new RetoldBenchCli());
    commandLine.setOut(out);
    commandLine.setErr(err);
    commandLine.setCaseInsensitiveEnumValuesAllowed(true);
    commandLine.setExitCodeExceptionMapper(exception -> EXIT_FAILED);
    commandLine.setExecutionExceptionHandler(
        (exception, cmd, parseResult) -> {
          if (exception instanceof CommandLine.ParameterException usage) {
            return usage(usage); // an impossible setting found while running
          }
          cmd.getErr().println("retold-bench: " + message(exception));
          cmd.getErr().flush();
          return EXIT_FAILED;
        });
    commandLine.setParameterExceptionHandler((exception, arguments) -> usage(exception));
    return commandLine.execute(args);
  }

  private static int usage(CommandLine.ParameterException exception) {
    CommandLine cmd = exception.getCommandLine();
    cmd.getErr().println("retold-bench: " + exception.getMessage());
    cmd.getErr().println("Try '" + cmd.getCommandSpec().qualifiedName() + " --help'.");
    cmd.getErr().flush();
    return EXIT_USAGE;
  }

  /** A one-line message for an exception, naming the file where there is one. */
  static String message(Exception exception) {
    Throwable cause = exception instanceof UncheckedIOException ? exception.getCause() : exception;
    if (cause instanceof DirectoryNotEmptyException notEmpty) {
      return "the output folder is not empty: " + notEmpty.getFile();
    }
    if (cause instanceof NotDirectoryException notFolder) {
      return "the output is not a folder: " + notFolder.getFile();
    }
    if (cause instanceof FileSystemException fileSystem) {
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
        spec.commandLine(), "a command is needed, e.g. 'retold-bench generate --output DIR'");
  }
}
