package dev.sluice.core.orchestrate;

/**
 * One alert to send.
 *
 * @param automation the schedule, sensor or freshness rule concerned
 * @param runId the run it is about, or null for a freshness breach
 */
public record AlertMessage(Alert.On on, String automation, String runId, String text) {
  /** Slack's incoming-webhook body, which most chat tools accept too: {@code {"text": ...}}. */
  public String json() {
    return "{\"text\":"
        + quote(text)
        + ",\"event\":"
        + quote(on.label())
        + ",\"automation\":"
        + quote(automation)
        + ",\"run_id\":"
        + (runId == null ? "null" : quote(runId))
        + "}";
  }

  private static String quote(String s) {
    StringBuilder b = new StringBuilder("\"");
    for (char c : s.toCharArray()) {
      switch (c) {
        case '"' -> b.append("\\\"");
        case '\\' -> b.append("\\\\");
        case '\n' -> b.append("\\n");
        case '\r' -> b.append("\\r");
        case '\t' -> b.append("\\t");
        default -> {
          if (c < 0x20) {
            b.append(String.format("\\u%04x", (int) c));
          } else {
            b.append(c);
          }
        }
      }
    }
    return b.append('"').toString();
  }
}
