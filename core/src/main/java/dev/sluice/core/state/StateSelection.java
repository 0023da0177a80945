package dev.sluice.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.artifacts.DbtIds;
import dev.sluice.core.artifacts.ManifestJson;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.plan.SelectorException;
import dev.sluice.core.project.Target;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code state:} selector method, dbt's: {@code state:new} (not in the saved manifest), {@code
 * state:modified} (new, or its file's checksum or its configuration differs), {@code
 * state:modified.body}, {@code state:modified.configs}. It is answered here and rewritten into
 * plain {@code unique_id:} terms, keeping any graph operators ({@code state:modified+}).
 */
public final class StateSelection {
  private static final Pattern STATE = Pattern.compile("^(@)?(\\d*\\+)?state:([a-z.]+)(\\+\\d*)?$");

  /** Configuration keys whose change makes a node modified. */
  private static final List<String> CONFIGS =
      List.of(
          "materialized",
          "schema",
          "alias",
          "database",
          "unique_key",
          "incremental_strategy",
          "on_schema_change",
          "enabled",
          "tags");

  private StateSelection() {}

  public static boolean uses(String select) {
    return select != null && select.contains("state:");
  }

  /**
   * The selection with every {@code state:} term replaced by the nodes it picks; null when those
   * terms pick nothing and nothing else is selected.
   */
  public static String rewrite(String select, Manifest manifest, Target target, SavedState state) {
    ObjectNode current = ManifestJson.of(manifest, target, Map.of(), "state");
    List<String> parts = new ArrayList<>();
    for (String part : select.trim().split("\\s+")) {
      Matcher m = STATE.matcher(part);
      if (!m.matches()) {
        if (part.contains("state:")) {
          throw new SelectorException(
              "'" + part + "': state: cannot be joined with other terms by a comma here");
        }
        parts.add(part);
        continue;
      }
      String prefix =
          (m.group(1) == null ? "" : m.group(1)) + (m.group(2) == null ? "" : m.group(2));
      String suffix = m.group(4) == null ? "" : m.group(4);
      for (String id : pick(m.group(3), manifest, current, state)) {
        parts.add(prefix + "unique_id:" + id + suffix);
      }
    }
    return parts.isEmpty() ? null : String.join(" ", parts);
  }

  /** The Sluice ids that {@code state:<what>} picks. */
  public static Set<String> pick(
      String what, Manifest manifest, ObjectNode current, SavedState state) {
    String project = manifest.project().name();
    Set<String> out = new LinkedHashSet<>();
    for (String id : manifest.dag().topologicalOrder()) {
      if (id.startsWith("export.")) {
        continue;
      }
      String dbtId = DbtIds.of(project, id);
      JsonNode now = current.path(id.startsWith("source.") ? "sources" : "nodes").path(dbtId);
      JsonNode before = state.node(id).orElse(null);
      boolean isNew = before == null;
      boolean body = !isNew && !checksum(now).equals(checksum(before));
      boolean configs = !isNew && !id.startsWith("source.") && configChanged(now, before);
      boolean picked =
          switch (what) {
            case "new" -> isNew;
            case "modified" -> isNew || body || configs;
            case "modified.body" -> isNew || body;
            case "modified.configs" -> isNew || configs;
            default ->
                throw new SelectorException(
                    "unknown state selector 'state:"
                        + what
                        + "'; use state:new, state:modified, state:modified.body or"
                        + " state:modified.configs");
          };
      if (picked) {
        out.add(id);
      }
    }
    return out;
  }

  private static String checksum(JsonNode n) {
    if (n.has("checksum")) {
      return n.path("checksum").path("checksum").asText();
    }
    // sources have no checksum: what they point at is what matters
    return n.path("relation_name").asText() + n.path("columns").toString();
  }

  private static boolean configChanged(JsonNode now, JsonNode before) {
    for (String key : CONFIGS) {
      if (!normal(now.path("config").path(key)).equals(normal(before.path("config").path(key)))) {
        return true;
      }
    }
    return false;
  }

  /** Absent, null and (for tags) empty all mean the default. */
  private static String normal(JsonNode v) {
    if (v.isMissingNode() || v.isNull() || (v.isArray() && v.isEmpty())) {
      return "";
    }
    return v.toString();
  }
}
