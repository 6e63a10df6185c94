package dev.retold.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The stage log: one line a stage as it begins, with the time since the scan began. */
class StageLogTest {
  @Test
  void aLineAStageAsItBeginsAndWhenTheScanEnds() {
    AtomicLong clock = new AtomicLong(5_000_000_000L);
    StringWriter out = new StringWriter();
    StageLog log = new StageLog(new PrintWriter(out), clock::get);
    log.progress("sketch on the workers", 0, 3);
    clock.addAndGet(12_340_000_000L);
    log.progress("analyse", 4096, 0);
    log.progress("analyse", 8192, 0);
    clock.addAndGet(1_000_000_000L);
    log.progress("compare", 0, 10);
    log.progress("compare", 10, 10);
    log.progress("analyse", 9000, 0); // a stage told again after another
    log.done();
    String n = System.lineSeparator();
    assertThat(out.toString())
        .isEqualTo(
            "retold-spark:      0.0 s  sketch on the workers (3)"
                + n
                + "retold-spark:     12.3 s  analyse"
                + n
                + "retold-spark:     13.3 s  compare (10)"
                + n
                + "retold-spark:     13.3 s  analyse"
                + n
                + "retold-spark:     13.3 s  done"
                + n);
  }
}
