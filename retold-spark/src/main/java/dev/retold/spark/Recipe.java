package dev.retold.spark;

import dev.retold.Retold;
import java.io.Serializable;

/**
 * How to make the {@link Retold} a scan runs with, sent to every worker so that each sketches the
 * articles with the driver's settings: settings hold a model and are not sent themselves. Write it
 * as a lambda, {@code () -> Retold.builder().storyThreshold(0.2).build()}; it must make the same
 * settings wherever it runs.
 */
@FunctionalInterface
public interface Recipe extends Serializable {
  /** The settings of the scan. */
  Retold retold();
}
