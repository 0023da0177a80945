package dev.sluice.core.parse;

import java.util.List;
import java.util.Map;

/** How Python prints values, where dbt code turns them into text. */
final class PyValues {
  private PyValues() {}

  static String str(Object v) {
    if (v == null) {
      return "None";
    }
    if (v instanceof Boolean b) {
      return b ? "True" : "False";
    }
    if (v instanceof List<?> l) {
      StringBuilder b = new StringBuilder("[");
      for (Object x : l) {
        if (b.length() > 1) {
          b.append(", ");
        }
        b.append(x instanceof String s ? "'" + s + "'" : str(x));
      }
      return b.append(']').toString();
    }
    if (v instanceof Map<?, ?> m) {
      StringBuilder b = new StringBuilder("{");
      m.forEach(
          (k, x) -> {
            if (b.length() > 1) {
              b.append(", ");
            }
            b.append('\'')
                .append(k)
                .append("': ")
                .append(x instanceof String s ? "'" + s + "'" : str(x));
          });
      return b.append('}').toString();
    }
    return v.toString();
  }
}
