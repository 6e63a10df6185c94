/**
 * The {@code retold} command line, on picocli. Commands only parse, call the library ({@link
 * dev.retold.Retold}), print, and map errors to exit codes; no scanning logic lives here.
 */
package dev.retold.cli;
