package dev.sluice.bench.scale;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

/**
 * The raw baseline of a run: a JVM that opens the DuckDB file and executes the same statements on
 * one connection, nothing else. Arguments: the DuckDB file, a file of statements separated by a
 * line holding {@code ;;}.
 */
public final class RawStatements {
  private RawStatements() {}

  public static void main(String[] args) throws Exception {
    String[] statements = Files.readString(Path.of(args[1])).split("\n;;\n");
    try (Connection c = DriverManager.getConnection("jdbc:duckdb:" + args[0]);
        Statement st = c.createStatement()) {
      for (String s : statements) {
        if (!s.isBlank()) {
          st.execute(s);
        }
      }
    }
  }
}
