package dev.sluice.core.warehouse;

/** Quoting for SQL text Sluice writes: one way to quote a name and one way to quote a value. */
public final class Sql {
  private Sql() {}

  /** A double-quoted identifier: {@code a"b} becomes {@code "a""b"}. */
  public static String ident(String name) {
    return '"' + name.replace("\"", "\"\"") + '"';
  }

  /** A single-quoted string literal: {@code it's} becomes {@code 'it''s'}. */
  public static String literal(String value) {
    return "'" + value.replace("'", "''") + "'";
  }
}
