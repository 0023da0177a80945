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

  /**
   * The {@code PROJECT} and {@code SLUICE} constants every generated file starts from: where the
   * project and the CLI are, overridable by environment variables.
   */
  static String locations(OrchestratorExport.Where where) {
    return "PROJECT = os.environ.get(\"SLUICE_PROJECT\", "
        + str(where.projectDir())
        + ")\n"
        + "SLUICE = os.environ.get(\"SLUICE\", "
        + str(where.sluice())
        + ")\n\n";
  }

  /**
   * The {@code STEPS} dictionary: a step's id, the selection {@code sluice build --select} takes
   * and the steps it waits for, after a comment saying so ({@code note} adds to it).
   */
  static String stepsDict(Steps steps, String note) {
    StringBuilder b = new StringBuilder();
    b.append("# step: (what sluice build --select takes, the steps it waits for)")
        .append(note)
        .append("\nSTEPS = {\n");
    for (Steps.Step s : steps.all()) {
      b.append("    ")
          .append(str(s.id()))
          .append(": (")
          .append(str(s.select()))
          .append(", ")
          .append(list(s.deps()))
          .append("),\n");
    }
    return b.append("}\n").toString();
  }

  /** {@code ["a", "b"]}. */
  static String list(java.util.List<String> items) {
    return "[" + String.join(", ", items.stream().map(PythonText::str).toList()) + "]";
  }
}
