package dev.sluice.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.safety.SafePaths;
import dev.sluice.core.spi.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files a run leaves under the target folder: {@code run_results.json} and the compiled SQL of each
 * node under {@code compiled/}, both written atomically.
 */
public final class RunArtifacts {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunArtifacts() {}

  public static void write(Manifest manifest, RunSummary summary, Path targetDir)
      throws IOException {
    Files.createDirectories(targetDir);
    ObjectNode root = JSON.createObjectNode();
    root.put("run_id", summary.runId());
    root.put("command", summary.command());
    root.put("started_at", summary.startedAt().toString());
    root.put("elapsed_ms", summary.durationMillis());
    root.put("cancelled", summary.cancelled());
    ArrayNode results = root.putArray("results");
    for (NodeResult r : summary.results()) {
      ObjectNode n = results.addObject();
      n.put("unique_id", r.nodeId());
      n.put("status", r.status().label());
      n.put("execution_ms", r.durationMillis());
      if (r.rows() >= 0) {
        n.put(r.kind().equals("test") ? "failures" : "rows_affected", r.rows());
      }
      n.put("message", r.message());
      if (r.relation() != null) {
        n.put("relation", r.relation());
      }
      if (!r.sample().isEmpty()) {
        n.set(
            "failing_rows_sample",
            JSON.valueToTree(r.sample().stream().map(RunArtifacts::printable).toList()));
      }
      if (r.compiledSql() != null) {
        manifest
            .node(r.nodeId())
            .ifPresent(
                node -> {
                  try {
                    writeAtomically(
                        targetDir,
                        targetDir
                            .resolve("compiled")
                            .resolve(manifest.project().name())
                            .resolve(compiledName(node)),
                        r.compiledSql() + "\n");
                  } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                  }
                });
      }
    }
    writeAtomically(
        targetDir,
        targetDir.resolve("run_results.json"),
        Secrets.mask(JSON.writeValueAsString(root)));
  }

  /** Where a node's compiled SQL goes under {@code compiled/<project>/}: its file's path. */
  public static String compiledName(dev.sluice.core.project.Node node) {
    String file = node.file().toString().replace('\\', '/');
    if (node instanceof dev.sluice.core.project.GenericTest
        || node instanceof dev.sluice.core.project.UnitTest) {
      // a test's name comes from column names and arguments: one plain file name, never a path
      return file + "/" + SafePaths.fileName(node.name()) + ".sql";
    }
    return file.endsWith(".sql") ? file : file + ".sql";
  }

  private static java.util.Map<String, String> printable(java.util.Map<String, Object> row) {
    java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
    row.forEach((k, v) -> out.put(k, v == null ? null : v.toString()));
    return out;
  }

  /** As {@link #writeAtomically(Path, String)}, refusing a file that is not under {@code root}. */
  public static void writeAtomically(Path root, Path file, String text) throws IOException {
    writeAtomically(SafePaths.under(root, file), text);
  }

  /**
   * Writes to a temporary file beside the target, then renames: readers never see half a file. The
   * same as {@link dev.sluice.core.io.AtomicFiles#write}, which new code calls.
   */
  public static void writeAtomically(Path file, String text) throws IOException {
    dev.sluice.core.io.AtomicFiles.write(file, text);
  }
}
