package dev.sluice.core.project;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * CSV text as rows of a unit test: the first line names the columns; an empty field is NULL;
 * numbers stay numbers, as dbt reads a CSV fixture.
 */
final class CsvRows {
  private CsvRows() {}

  static List<Map<String, Object>> parse(String text) {
    List<List<String>> lines = records(text);
    List<Map<String, Object>> out = new ArrayList<>();
    if (lines.isEmpty()) {
      return out;
    }
    List<String> header = lines.get(0).stream().map(String::strip).toList();
    for (List<String> rec : lines.subList(1, lines.size())) {
      Map<String, Object> row = new LinkedHashMap<>();
      for (int i = 0; i < header.size(); i++) {
        String v = i < rec.size() ? rec.get(i) : "";
        row.put(header.get(i), value(v));
      }
      out.add(row);
    }
    return out;
  }

  private static Object value(String v) {
    String s = v.strip();
    if (s.isEmpty()) {
      return null;
    }
    if (s.matches("-?\\d{1,18}")) {
      return Long.parseLong(s);
    }
    if (s.matches("-?\\d+\\.\\d+")) {
      return new java.math.BigDecimal(s);
    }
    return v;
  }

  /** RFC 4180 records: quoted fields may hold commas, doubled quotes and line breaks. */
  private static List<List<String>> records(String text) {
    List<List<String>> out = new ArrayList<>();
    List<String> rec = new ArrayList<>();
    StringBuilder field = new StringBuilder();
    boolean quoted = false;
    boolean any = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (quoted) {
        if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
          field.append('"');
          i++;
        } else if (c == '"') {
          quoted = false;
        } else {
          field.append(c);
        }
      } else if (c == '"') {
        quoted = true;
        any = true;
      } else if (c == ',') {
        rec.add(field.toString());
        field.setLength(0);
        any = true;
      } else if (c == '\n' || c == '\r') {
        if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
          i++;
        }
        if (any || field.length() > 0) {
          rec.add(field.toString());
          out.add(rec);
        }
        rec = new ArrayList<>();
        field.setLength(0);
        any = false;
      } else {
        field.append(c);
        any = true;
      }
    }
    if (any || field.length() > 0) {
      rec.add(field.toString());
      out.add(rec);
    }
    return out;
  }
}
