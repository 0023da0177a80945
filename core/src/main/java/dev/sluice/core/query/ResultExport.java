package dev.sluice.core.query;

import dev.sluice.core.warehouse.Warehouse;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Writes a query's whole result to a file with DuckDB's COPY, which streams it. The file appears
 * complete or not at all: COPY writes next to it and the finished file is moved into place.
 */
public final class ResultExport {
  private ResultExport() {}

  /** Returns the number of rows written. */
  public static long write(
      Warehouse warehouse, String sql, Path file, ExportFormat format, ResultStream.Cancel cancel)
      throws SQLException, IOException {
    Path target = file.toAbsolutePath();
    Path dir = target.getParent();
    Files.createDirectories(dir);
    Path partial = dir.resolve("." + target.getFileName() + ".partial");
    Files.deleteIfExists(partial);
    try (Connection c = warehouse.connect();
        Statement st = c.createStatement()) {
      cancel.attach(st);
      st.execute(
          "copy ("
              + sql
              + ") to "
              + dev.sluice.core.warehouse.Sql.literal(partial.toString())
              + " "
              + format.copyOptions());
      long rows = st.getLargeUpdateCount();
      Files.move(
          partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      return rows;
    } catch (SQLException e) {
      throw cancel.requested() ? new SQLException("cancelled", e) : e;
    } finally {
      Files.deleteIfExists(partial);
    }
  }
}
