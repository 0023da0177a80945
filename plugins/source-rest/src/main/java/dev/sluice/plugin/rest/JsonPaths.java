package dev.sluice.plugin.rest;

import com.fasterxml.jackson.databind.JsonNode;

/** Dotted paths into a JSON response, such as {@code data.items} or {@code meta.next_cursor}. */
final class JsonPaths {
  private JsonPaths() {}

  /** The node at {@code path}, the root for an empty path, or a missing node. */
  static JsonNode at(JsonNode root, String path) {
    JsonNode n = root;
    if (path == null || path.isBlank()) {
      return n;
    }
    for (String part : path.split("\\.")) {
      n = n.isArray() && part.matches("\\d+") ? n.path(Integer.parseInt(part)) : n.path(part);
    }
    return n;
  }

  /** The text at {@code path}, or null when it is missing, null or empty. */
  static String text(JsonNode root, String path) {
    JsonNode n = at(root, path);
    if (n.isMissingNode() || n.isNull()) {
      return null;
    }
    String s = n.isValueNode() ? n.asText() : n.toString();
    return s.isEmpty() ? null : s;
  }
}
