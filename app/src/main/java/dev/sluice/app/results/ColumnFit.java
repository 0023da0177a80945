package dev.sluice.app.results;

import java.util.List;
import javafx.scene.control.TableColumn;
import javafx.scene.text.Font;
import javafx.scene.text.Text;

/**
 * Column widths that fit what the grid shows: the widest of the header (name and type) and the
 * first rows' values, within bounds, so short codes take little room and long text does not push
 * the rest out of sight.
 */
final class ColumnFit {
  static final double MIN = 56;
  static final double MAX = 420;

  /** How many rows are measured; the first page shows what the column holds well enough. */
  static final int SAMPLE = 200;

  private static final double PADDING = 22;
  private static final double HEADER_EXTRA = 26;

  private ColumnFit() {}

  /** The width for a column with this header and these values. */
  static double width(String name, String type, List<String> values, Font cell, Font header) {
    double w =
        Math.max(
            measure(name, Font.font(header.getFamily(), 13)),
            measure(type, Font.font(header.getFamily(), 11)));
    for (int i = 0; i < values.size() && i < SAMPLE; i++) {
      String v = values.get(i);
      if (v != null) {
        w = Math.max(w, measure(v.length() > 80 ? v.substring(0, 80) : v, cell));
      }
      if (w >= MAX) {
        break;
      }
    }
    return Math.max(MIN, Math.min(MAX, w + PADDING));
  }

  private static double measure(String s, Font f) {
    Text t = new Text(s);
    t.setFont(f);
    return t.getLayoutBounds().getWidth();
  }

  /** Sets each column's width from the rows loaded so far. */
  static void fit(
      List<TableColumn<Object[], ?>> columns,
      List<String> names,
      List<String> types,
      List<Object[]> rows) {
    Font cell = Font.font("monospace", 12);
    Font header = Font.getDefault();
    for (int c = 0; c < columns.size() && c < names.size(); c++) {
      int index = c;
      List<String> values =
          rows.stream()
              .limit(SAMPLE)
              .map(
                  r ->
                      index < r.length
                          ? (r[index] == null ? "NULL" : String.valueOf(r[index]))
                          : "")
              .toList();
      columns.get(c).setPrefWidth(width(names.get(c), types.get(c), values, cell, header));
    }
  }
}
