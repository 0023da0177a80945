package dev.sluice.app.project;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

/**
 * Node positions in {@code .sluice/layout.json}: for the app only. Deleting the file loses nothing
 * but the positions; a broken one is ignored, and the graph is laid out afresh.
 */
public final class LayoutFile {
  private static final ObjectMapper JSON =
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS);

  private LayoutFile() {}

  public static Path of(Path projectRoot) {
    return projectRoot.resolve(".sluice").resolve("layout.json");
  }

  public static Map<String, GraphLayout.Point> read(Path projectRoot) {
    Map<String, GraphLayout.Point> out = new TreeMap<>();
    Path f = of(projectRoot);
    if (!Files.exists(f)) {
      return out;
    }
    try {
      JsonNode positions = JSON.readTree(f.toFile()).path("positions");
      positions
          .fields()
          .forEachRemaining(
              e ->
                  out.put(
                      e.getKey(),
                      new GraphLayout.Point(
                          e.getValue().path(0).asDouble(), e.getValue().path(1).asDouble())));
    } catch (IOException e) {
      // a broken layout file only costs the positions
    }
    return out;
  }

  /**
   * The folders drawn collapsed into one group card; none in files written before groups existed.
   */
  public static java.util.Set<String> readCollapsed(Path projectRoot) {
    java.util.Set<String> out = new java.util.TreeSet<>();
    Path f = of(projectRoot);
    if (Files.exists(f)) {
      try {
        JSON.readTree(f.toFile()).path("collapsed").forEach(n -> out.add(n.asText()));
      } catch (IOException e) {
        // a broken layout file only costs the groups
      }
    }
    return out;
  }

  /**
   * Whether the person chose to draw tests as badges on their models (true) or as cards of their
   * own (false); null when the file says nothing, and the project's size decides.
   */
  public static Boolean readTestsOnModels(Path projectRoot) {
    Path f = of(projectRoot);
    if (Files.exists(f)) {
      try {
        JsonNode n = JSON.readTree(f.toFile()).path("testsOnModels");
        return n.isBoolean() ? n.asBoolean() : null;
      } catch (IOException e) {
        // a broken layout file only costs the choice
      }
    }
    return null;
  }

  public static void write(Path projectRoot, Map<String, GraphLayout.Point> positions)
      throws IOException {
    write(projectRoot, positions, java.util.Set.of());
  }

  public static void write(
      Path projectRoot, Map<String, GraphLayout.Point> positions, java.util.Set<String> collapsed)
      throws IOException {
    write(projectRoot, positions, collapsed, null);
  }

  /**
   * Writes atomically, sorted by node id, so the file diffs well; no "collapsed" field when none
   * are, and no "testsOnModels" field until the person chose.
   */
  public static void write(
      Path projectRoot,
      Map<String, GraphLayout.Point> positions,
      java.util.Set<String> collapsed,
      Boolean testsOnModels)
      throws IOException {
    ObjectNode root = JSON.createObjectNode();
    root.put("version", 1);
    if (testsOnModels != null) {
      root.put("testsOnModels", testsOnModels);
    }
    if (!collapsed.isEmpty()) {
      var c = root.putArray("collapsed");
      new java.util.TreeSet<>(collapsed).forEach(c::add);
    }
    ObjectNode p = root.putObject("positions");
    new TreeMap<>(positions)
        .forEach((id, pt) -> p.putArray(id).add(Math.round(pt.x())).add(Math.round(pt.y())));
    AtomicFiles.write(of(projectRoot), JSON.writeValueAsString(root) + "\n");
  }
}
