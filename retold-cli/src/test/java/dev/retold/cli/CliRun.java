package dev.retold.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/**
 * One run of the command line in the test's JVM, with what it printed: the black-box view every CLI
 * test takes.
 *
 * @param exitCode the exit code
 * @param out what went to standard output
 * @param err what went to standard error
 */
record CliRun(int exitCode, String out, String err) {
  /** Runs {@code retold ARGS...} and captures both streams. */
  static CliRun of(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = RetoldCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
    return new CliRun(code, out.toString(), err.toString());
  }
}
