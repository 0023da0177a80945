package dev.sluice.core.parse;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The text of dbt's own macros as Sluice writes them (the {@code dbt} namespace). */
final class BuiltInMacros {
  private static final String TEXT = load();

  private BuiltInMacros() {}

  static String text() {
    return TEXT;
  }

  private static String load() {
    try (InputStream in = BuiltInMacros.class.getResourceAsStream("dbt_macros.sql")) {
      if (in == null) {
        throw new IllegalStateException("dbt_macros.sql is missing from the jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
