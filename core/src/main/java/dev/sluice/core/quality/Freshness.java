package dev.sluice.core.quality;

import dev.sluice.core.project.SourceTable;
import dev.sluice.core.warehouse.Warehouse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Measures how fresh a source table is, as {@code dbt source freshness} does: the newest value of
 * its {@code loaded_at_field} (read as UTC), compared with now against the warn and error
 * thresholds.
 */
public final class Freshness {
  private Freshness() {}

  /**
   * How one table's freshness was found.
   *
   * @param status pass, warn, error, or {@code runtime error} when it could not be measured
   * @param maxLoadedAt the newest load time, or null (an empty table, or not measured)
   */
  public record Result(
      SourceTable table,
      FreshnessRule rule,
      String status,
      Instant maxLoadedAt,
      Instant snapshottedAt,
      long millis,
      String message) {

    /** Seconds between the newest load and the measurement, or -1 when unknown. */
    public double ageSeconds() {
      return maxLoadedAt == null
          ? -1
          : Duration.between(maxLoadedAt, snapshottedAt).toMillis() / 1000.0;
    }

    public boolean isError() {
      return status.equals("error") || status.equals("runtime error");
    }
  }

  public static Result measure(Warehouse warehouse, SourceTable table, FreshnessRule rule) {
    long t0 = System.nanoTime();
    Instant now = Instant.now();
    if (rule.loadedAtField() == null) {
      return runtimeError(
          table,
          rule,
          now,
          "source " + table.qualifiedName() + " has a freshness rule but no loaded_at_field");
    }
    if (!warehouse.exists(table.schema(), table.identifier())) {
      return runtimeError(
          table,
          rule,
          now,
          "source "
              + table.qualifiedName()
              + ": table "
              + table.schema()
              + "."
              + table.identifier()
              + " does not exist");
    }
    String field = rule.loadedAtField();
    String measured = field; // an expression as written; a plain column name is quoted
    if (field.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      List<String> columns =
          warehouse.columns(table.schema(), table.identifier()).stream()
              .map(Warehouse.ColumnInfo::name)
              .toList();
      if (columns.stream().noneMatch(c -> c.equalsIgnoreCase(field))) {
        return runtimeError(
            table,
            rule,
            now,
            "source "
                + table.qualifiedName()
                + " has no column '"
                + field
                + "' (its loaded_at_field); its columns are "
                + String.join(", ", columns));
      }
      measured =
          warehouse.quote(
              columns.stream().filter(c -> c.equalsIgnoreCase(field)).findFirst().get());
    }
    String sql =
        "select epoch_ms(max("
            + measured
            + ")::timestamp) from "
            + warehouse.relation(table.schema(), table.identifier())
            + (rule.filter() == null ? "" : " where " + rule.filter());
    Instant max;
    try (Connection c = warehouse.connect();
        Statement st = c.createStatement();
        ResultSet rs = st.executeQuery(sql)) {
      rs.next();
      long ms = rs.getLong(1);
      max = rs.wasNull() ? null : Instant.ofEpochMilli(ms);
    } catch (SQLException e) {
      return new Result(
          table,
          rule,
          "runtime error",
          null,
          now,
          (System.nanoTime() - t0) / 1_000_000,
          "source " + table.qualifiedName() + ": " + firstLine(e.getMessage()));
    }
    long ms = (System.nanoTime() - t0) / 1_000_000;
    Duration age = max == null ? null : Duration.between(max, now);
    String status = judge(rule, age);
    return new Result(table, rule, status, max, now, ms, describe(rule, max, age));
  }

  /** An empty table is as stale as can be: it fails the strictest threshold it has. */
  static String judge(FreshnessRule rule, Duration age) {
    if (rule.errorAfter() != null
        && (age == null || age.compareTo(rule.errorAfter().duration()) > 0)) {
      return "error";
    }
    if (rule.warnAfter() != null
        && (age == null || age.compareTo(rule.warnAfter().duration()) > 0)) {
      return "warn";
    }
    return "pass";
  }

  private static String describe(FreshnessRule rule, Instant max, Duration age) {
    if (max == null) {
      return "no rows: nothing loaded yet";
    }
    StringBuilder sb = new StringBuilder("newest load " + human(age) + " ago");
    if (rule.warnAfter() != null) {
      sb.append("; warn after ").append(rule.warnAfter());
    }
    if (rule.errorAfter() != null) {
      sb.append("; error after ").append(rule.errorAfter());
    }
    return sb.toString();
  }

  static String human(Duration d) {
    long s = Math.max(0, d.getSeconds());
    if (s < 120) {
      return s + " s";
    }
    if (s < 7200) {
      return s / 60 + " min";
    }
    if (s < 172800) {
      return String.format(Locale.ROOT, "%.1f h", s / 3600.0);
    }
    return String.format(Locale.ROOT, "%.1f days", s / 86400.0);
  }

  private static String firstLine(String s) {
    return s == null ? "" : s.strip().split("\n")[0];
  }

  private static Result runtimeError(
      SourceTable table, FreshnessRule rule, Instant now, String message) {
    return new Result(table, rule, "runtime error", null, now, 0, message);
  }
}
