package dev.retold.cli;

import dev.retold.report.ReportFormat;
import java.util.Locale;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Reads {@code text}, {@code json} or {@code csv}, in any case. */
final class FormatConverter implements ITypeConverter<ReportFormat> {
  @Override
  public ReportFormat convert(String value) {
    try {
      return ReportFormat.valueOf(value.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException unknown) {
      throw new TypeConversionException("unknown format '" + value + "': use text, json or csv");
    }
  }
}
