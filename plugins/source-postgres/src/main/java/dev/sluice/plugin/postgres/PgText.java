package dev.sluice.plugin.postgres;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.util.Locale;
import java.util.UUID;

/** PostgreSQL's text form of a value, turned into the Java value a raw column of a type takes. */
final class PgText {
  private static final DateTimeFormatter LOCAL =
      new DateTimeFormatterBuilder()
          .appendPattern("yyyy-MM-dd HH:mm:ss")
          .optionalStart()
          .appendFraction(ChronoField.NANO_OF_SECOND, 0, 9, true)
          .optionalEnd()
          .toFormatter(Locale.ROOT);
  private static final DateTimeFormatter ZONED =
      new DateTimeFormatterBuilder()
          .append(LOCAL)
          .appendOffset("+HH:mm", "+00")
          .toFormatter(Locale.ROOT);

  private PgText() {}

  /** {@code duckdbType} is the raw column's type, e.g. {@code BIGINT} or {@code DECIMAL(10,2)}. */
  static Object value(String text, String duckdbType) {
    if (text == null) {
      return null;
    }
    String t = duckdbType.toUpperCase(Locale.ROOT);
    try {
      return switch (t) {
        case "BIGINT" -> Long.parseLong(text);
        case "INTEGER" -> Integer.parseInt(text);
        case "SMALLINT" -> Short.parseShort(text);
        case "DOUBLE" -> Double.parseDouble(text);
        case "FLOAT" -> Float.parseFloat(text);
        case "BOOLEAN" -> text.equals("t") || text.equalsIgnoreCase("true");
        case "DATE" -> LocalDate.parse(text);
        case "TIMESTAMP" -> LocalDateTime.parse(text, LOCAL);
        case "TIMESTAMPTZ" -> OffsetDateTime.parse(text, ZONED);
        case "UUID" -> UUID.fromString(text);
        default -> t.startsWith("DECIMAL") ? new BigDecimal(text) : text;
      };
    } catch (RuntimeException e) {
      return text; // infinity, NaN and other special values: the loader's contract decides
    }
  }
}
