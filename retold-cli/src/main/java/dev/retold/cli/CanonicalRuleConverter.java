package dev.retold.cli;

import dev.retold.CanonicalRule;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code origin}, {@code earliest} or {@code longest}, in any case. */
final class CanonicalRuleConverter implements ITypeConverter<CanonicalRule> {
  @Override
  public CanonicalRule convert(String value) {
    try {
      return CanonicalRule.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new TypeConversionException(
          "unknown canonical rule '" + value + "': use origin, earliest or longest");
    }
  }
}
