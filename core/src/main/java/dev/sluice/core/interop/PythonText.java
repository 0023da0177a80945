package dev.sluice.core.interop;

/** Python literals and names for the generated files. */
final class PythonText {
  private PythonText() {}

  /** A double-quoted Python string. */
  static String str(String s) {
    if (s == null) {
      return "None";
    }
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        default -> b.append(c);
      }
    }
    return b.append('"').toString();
  }

  static String identifier(String s) {
    String id = s.replaceAll("[^A-Za-z0-9_]", "_");
    return id.isEmpty() || Character.isDigit(id.charAt(0)) ? "_" + id : id;
  }

  /** {@code ["a", "b"]}. */
  static String list(java.util.List<String> items) {
    return "[" + String.join(", ", items.stream().map(PythonText::str).toList()) + "]";
  }
}
