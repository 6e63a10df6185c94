/**
 * The {@code retold} command line: picocli commands that parse, call the library's public face
 * ({@code dev.retold}, {@code dev.retold.report}, {@code dev.retold.evaluate}: the module system
 * refuses anything else at compile time), print, and map errors to exit codes.
 */
module dev.retold.cli {
  requires dev.retold.core;
  requires info.picocli;

  // picocli reads and sets the commands' annotated fields by reflection.
  opens dev.retold.cli to
      info.picocli;
}
