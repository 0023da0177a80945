package dev.sluice.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.artifacts.DbtIds;
import dev.sluice.core.plan.SelectorException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The nodes of a saved {@code manifest.json} (Sluice's or dbt's), by Sluice id.
 *
 * @param nodes each node's JSON as the manifest holds it
 */
public record SavedState(Path dir, Map<String, JsonNode> nodes) {

  /** Reads {@code dir/manifest.json}; a missing or unreadable one is a clear error. */
  public static SavedState read(Path dir) {
    Path file = dir.resolve("manifest.json");
    if (!Files.isRegularFile(file)) {
      throw new SelectorException(
          "--state "
              + dir
              + ": there is no manifest.json in it; point it at a saved target folder");
    }
    try {
      JsonNode root = new ObjectMapper().readTree(file.toFile());
      Map<String, JsonNode> nodes = new HashMap<>();
      for (String section : new String[] {"nodes", "sources"}) {
        root.path(section)
            .fields()
            .forEachRemaining(e -> nodes.put(DbtIds.toSluice(e.getKey()), e.getValue()));
      }
      if (nodes.isEmpty()) {
        throw new SelectorException("--state " + file + ": the manifest holds no nodes");
      }
      return new SavedState(dir, nodes);
    } catch (IOException e) {
      throw new SelectorException(
          "--state " + file + ": not a readable manifest: " + e.getMessage());
    }
  }

  public Optional<JsonNode> node(String sluiceId) {
    return Optional.ofNullable(nodes.get(sluiceId));
  }
}
