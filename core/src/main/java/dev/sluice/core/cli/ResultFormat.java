package dev.sluice.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** How {@code query} prints rows. */
enum ResultFormat {
  table {
    @Override
    void write(PrintWriter out, List<String> columns, List<List<Object>> rows) {
      int[] width = new int[columns.size()];
      List<List<String>> cells = new ArrayList<>();
      for (int i = 0; i < columns.size(); i++) {
        width[i] = columns.get(i).length();
      }
      for (List<Object> row : rows) {
        List<String> line = new ArrayList<>();
        for (int i = 0; i < row.size(); i++) {
          String s = row.get(i) == null ? "NULL" : row.get(i).toString().replace('\n', ' ');
          if (s.length() > MAX) {
            s = s.substring(0, MAX - 1) + "…";
          }
          width[i] = Math.max(width[i], s.length());
          line.add(s);
        }
        cells.add(line);
      }
      out.println(line(columns, width));
      StringBuilder rule = new StringBuilder();
      for (int w : width) {
        rule.append(rule.length() == 0 ? "" : "-+-").append("-".repeat(w));
      }
      out.println(rule);
      cells.forEach(c -> out.println(line(c, width)));
      out.println("(" + rows.size() + " row" + (rows.size() == 1 ? "" : "s") + ")");
    }
  },
  csv {
    @Override
    void write(PrintWriter out, List<String> columns, List<List<Object>> rows) {
      out.println(String.join(",", columns.stream().map(ResultFormat::csvCell).toList()));
      for (List<Object> row : rows) {
        out.println(
            String.join(
                ",", row.stream().map(v -> v == null ? "" : csvCell(v.toString())).toList()));
      }
    }
  },
  json {
    @Override
    void write(PrintWriter out, List<String> columns, List<List<Object>> rows) {
      List<Map<String, Object>> objects = new ArrayList<>();
      for (List<Object> row : rows) {
        Map<String, Object> o = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
          Object v = row.get(i);
          o.put(
              columns.get(i),
              v == null || v instanceof Number || v instanceof Boolean ? v : v.toString());
        }
        objects.add(o);
      }
      try {
        out.println(
            new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(objects));
      } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
        throw new IllegalStateException(e);
      }
    }
  };

  private static final int MAX = 60;

  abstract void write(PrintWriter out, List<String> columns, List<List<Object>> rows);

  private static String line(List<String> cells, int[] width) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < cells.size(); i++) {
      if (i > 0) {
        sb.append(" | ");
      }
      sb.append(String.format("%-" + width[i] + "s", cells.get(i)));
    }
    return sb.toString().stripTrailing();
  }

  static String csvCell(String s) {
    if (s.contains(",") || s.contains("\"") || s.contains("\n") || s.contains("\r")) {
      return '"' + s.replace("\"", "\"\"") + '"';
    }
    return s;
  }
}
