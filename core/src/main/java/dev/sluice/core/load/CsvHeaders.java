package dev.sluice.core.load;

import dev.sluice.core.project.SourceTable;
import dev.sluice.core.spi.LoadException;
import dev.sluice.core.warehouse.SqlSession;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A CSV file whose header shares no column with the raw table it loads into is refused before it is
 * read: it is a file without a header row (its first row would become column names) or a file
 * dropped in the wrong folder, and loading it would add its values as columns.
 */
final class CsvHeaders {
  private CsvHeaders() {}

  static void check(SqlSession s, SourceTable t, List<Path> files, Path base)
      throws LoadException, SQLException {
    List<String> columns = new ArrayList<>();
    for (Map<String, Object> r :
        s.rows(
            "select column_name from information_schema.columns where table_schema = "
                + LoadState.lit(t.schema())
                + " and table_name = "
                + LoadState.lit(t.identifier())
                + " order by ordinal_position",
            Integer.MAX_VALUE)) {
      String c = String.valueOf(r.get("column_name"));
      if (!c.startsWith("_sluice_")) {
        columns.add(c.toLowerCase(Locale.ROOT));
      }
    }
    if (columns.isEmpty()) {
      return; // the first load makes the table from the files
    }
    String d = String.valueOf(t.load().table().getOrDefault("delimiter", ","));
    String delimiter = d.isEmpty() ? "," : d.substring(0, 1);
    for (Path file : files) {
      String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
      if (!(name.endsWith(".csv") || name.endsWith(".tsv") || name.endsWith(".txt"))) {
        continue;
      }
      List<String> header = header(file, name.endsWith(".tsv") ? "\t" : delimiter);
      if (header.isEmpty()
          || header.stream().anyMatch(h -> columns.contains(h.toLowerCase(Locale.ROOT)))) {
        continue;
      }
      Path shown =
          file.toAbsolutePath().startsWith(base.toAbsolutePath())
              ? base.toAbsolutePath().relativize(file.toAbsolutePath())
              : file;
      throw new LoadException(
          "source "
              + t.qualifiedName()
              + ": "
              + shown
              + ":1: the header ("
              + String.join(", ", header)
              + ") shares no column with the table "
              + t.schema()
              + "."
              + t.identifier()
              + " ("
              + String.join(", ", columns)
              + "); is the header row missing, or is the file in the wrong folder?");
    }
  }

  private static List<String> header(Path file, String delimiter) throws LoadException {
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line = r.readLine();
      List<String> out = new ArrayList<>();
      if (line == null) {
        return out;
      }
      line = line.replace("\uFEFF", "");
      for (String part : line.split(java.util.regex.Pattern.quote(delimiter), -1)) {
        String p = part.strip();
        if (p.length() >= 2 && p.startsWith("\"") && p.endsWith("\"")) {
          p = p.substring(1, p.length() - 1).replace("\"\"", "\"");
        }
        out.add(p);
      }
      return out;
    } catch (IOException e) {
      throw new LoadException(file + ": cannot read it: " + e.getMessage(), e);
    }
  }
}
