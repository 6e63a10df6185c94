package dev.retold.bench.scale;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Runs a command as a child process and measures its wall time and peak resident memory. Peak
 * memory is the child's {@code VmHWM} (Linux's high-water mark of resident memory), read from
 * {@code /proc} every 50 ms while it runs; elsewhere it is reported as 0.
 *
 * @param exitCode the child's exit code
 * @param seconds wall time
 * @param peakRssBytes the highest resident memory seen, 0 where {@code /proc} is missing
 */
public record MeasuredRun(int exitCode, double seconds, long peakRssBytes) {

  /** Runs {@code command}, its output going to {@code log}, and measures it. */
  public static MeasuredRun run(List<String> command, Path log) throws IOException {
    long start = System.nanoTime();
    Process process =
        new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    Path status = Path.of("/proc", Long.toString(process.pid()), "status");
    long peak = 0;
    try {
      while (process.isAlive()) {
        peak = Math.max(peak, highWaterMark(status));
        Thread.sleep(50);
      }
      int exitCode = process.waitFor();
      return new MeasuredRun(exitCode, (System.nanoTime() - start) / 1e9, peak);
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while measuring " + command, e);
    }
  }

  /**
   * {@code VmHWM} in bytes, or 0 if it cannot be read (the process has just ended, or no /proc).
   */
  static long highWaterMark(Path status) {
    try {
      for (String line : Files.readAllLines(status)) {
        if (line.startsWith("VmHWM:")) {
          String[] parts = line.substring(6).trim().split("\\s+");
          return Long.parseLong(parts[0]) * 1024;
        }
      }
    } catch (IOException | RuntimeException gone) {
      return 0;
    }
    return 0;
  }
}
