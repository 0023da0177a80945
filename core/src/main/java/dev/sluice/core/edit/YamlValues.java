package dev.sluice.core.edit;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Writes values as a person would type them in a schema file: plain where YAML reads them back the
 * same, quoted where it would not ({@code 'NO'}, {@code '1'}), short lists of names inline ({@code
 * [a, b]}), maps as indented blocks.
 */
final class YamlValues {
  private static final Set<String> SPECIAL_WORDS =
      Set.of("y", "n", "yes", "no", "on", "off", "true", "false", "null", "~");
  private static final Pattern NUMBER =
      Pattern.compile("[-+]?(\\.?[0-9][0-9_.eE+-]*|\\.inf|\\.nan|0x[0-9a-fA-F]+|0o[0-7]+)");
  private static final String FLOW_UNSAFE = "{}[],";

  private YamlValues() {}

  /** A scalar as it can stand after {@code key: } or inside a flow list ({@code flow}). */
  static String scalar(Object v, boolean flow) {
    if (v == null) {
      return "null";
    }
    if (v instanceof Number || v instanceof Boolean) {
      return v.toString();
    }
    String s = v.toString();
    return plainOk(s, flow) ? s : quoted(s);
  }

  private static boolean plainOk(String s, boolean flow) {
    if (s.isEmpty()
        || !s.strip().equals(s)
        || s.contains("\n")
        || s.contains(": ")
        || s.endsWith(":")
        || s.contains(" #")
        || SPECIAL_WORDS.contains(s.toLowerCase(Locale.ROOT))
        || NUMBER.matcher(s).matches()) {
      return false;
    }
    if ("-?:,[]{}#&*!|>'\"%@`".indexOf(s.charAt(0)) >= 0) {
      return false;
    }
    if (flow) {
      for (char c : FLOW_UNSAFE.toCharArray()) {
        if (s.indexOf(c) >= 0) {
          return false;
        }
      }
    }
    return true;
  }

  private static String quoted(String s) {
    if (s.contains("\n")) {
      return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }
    return "'" + s.replace("'", "''") + "'";
  }

  /** A value in flow style: {@code [a, b]}, {@code {k: v}} or a scalar. */
  static String flow(Object v) {
    if (v instanceof Map<?, ?> m) {
      List<String> parts = new ArrayList<>();
      m.forEach((k, x) -> parts.add(scalar(k, true) + ": " + flow(x)));
      return "{" + String.join(", ", parts) + "}";
    }
    if (v instanceof List<?> l) {
      List<String> parts = new ArrayList<>();
      l.forEach(x -> parts.add(flow(x)));
      return "[" + String.join(", ", parts) + "]";
    }
    return scalar(v, true);
  }

  /**
   * Lines for {@code key: value} at {@code indent}: scalars and lists of scalars on one line,
   * multi-line text as a literal block, maps and lists of maps as indented blocks.
   */
  static List<String> keyValue(String key, Object value, int indent) {
    String pad = " ".repeat(indent);
    List<String> out = new ArrayList<>();
    if (value instanceof String s && s.contains("\n")) {
      out.add(pad + key + ": |");
      for (String line : s.strip().split("\n", -1)) {
        out.add(line.isBlank() ? "" : pad + "  " + line);
      }
    } else if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      out.add(pad + key + ":");
      m.forEach((k, x) -> out.addAll(keyValue(scalar(k, false), x, indent + 2)));
    } else if (value instanceof List<?> l && !l.isEmpty() && !allScalars(l)) {
      out.add(pad + key + ":");
      for (Object item : l) {
        out.addAll(listItem(item, indent + 2));
      }
    } else if (value instanceof Map<?, ?> || value instanceof List<?>) {
      out.add(pad + key + ": " + flow(value));
    } else {
      out.add(pad + key + ": " + scalar(value, false));
    }
    return out;
  }

  /** Lines for one block list item {@code - value} whose dash sits at {@code indent}. */
  static List<String> listItem(Object value, int indent) {
    String pad = " ".repeat(indent);
    List<String> out = new ArrayList<>();
    if (value instanceof Map<?, ?> m && !m.isEmpty()) {
      boolean first = true;
      for (Map.Entry<?, ?> e : m.entrySet()) {
        List<String> lines = keyValue(scalar(e.getKey(), false), e.getValue(), indent + 2);
        if (first) {
          lines.set(0, pad + "- " + lines.get(0).substring(indent + 2));
          first = false;
        }
        out.addAll(lines);
      }
    } else {
      out.add(pad + "- " + flow(value));
    }
    return out;
  }

  private static boolean allScalars(List<?> l) {
    return l.stream().noneMatch(x -> x instanceof Map || x instanceof List);
  }
}
