package dev.sluice.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.artifacts.ManifestJson;
import dev.sluice.core.graph.Manifest;
import dev.sluice.core.project.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files a run leaves under the target folder: {@code run_results.json}, {@code manifest.json} and
 * the compiled SQL of each node under {@code compiled/}, all written atomically.
 */
public final class RunArtifacts {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private RunArtifacts() {}

  public static void write(Manifest manifest, RunSummary summary, Path targetDir)
      throws IOException {
    write(manifest, manifest.project().settings().target(null), summary, targetDir);
  }

  /**
   * Writes {@code run_results.json} (dbt's v6 shape), {@code manifest.json} (v12, with the compiled
   * SQL of what ran) and each node's compiled SQL.
   */
  public static void write(Manifest manifest, Target target, RunSummary summary, Path targetDir)
      throws IOException {
    Files.createDirectories(targetDir);
    ObjectNode root = DbtRunResults.of(manifest.project().name(), summary);
    java.util.Map<String, String> compiled = new java.util.LinkedHashMap<>();
    for (NodeResult r : summary.results()) {
      if (r.compiledSql() != null) {
        compiled.put(r.nodeId(), r.compiledSql());
        manifest
            .node(r.nodeId())
            .ifPresent(
                node -> {
                  try {
                    writeAtomically(
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
    writeAtomically(targetDir.resolve("run_results.json"), JSON.writeValueAsString(root));
    writeManifest(manifest, target, compiled, summary.runId(), targetDir);
  }

  /** Writes {@code manifest.json} in dbt's v12 shape. */
  public static void writeManifest(
      Manifest manifest,
      Target target,
      java.util.Map<String, String> compiled,
      String invocationId,
      Path targetDir)
      throws IOException {
    writeAtomically(
        targetDir.resolve("manifest.json"),
        JSON.writeValueAsString(ManifestJson.of(manifest, target, compiled, invocationId)));
  }

  private static String compiledName(dev.sluice.core.project.Node node) {
    String file = node.file().toString().replace('\\', '/');
    if (node instanceof dev.sluice.core.project.GenericTest) {
      return file + "/" + node.name() + ".sql";
    }
    return file.endsWith(".sql") ? file : file + ".sql";
  }

  /** Writes to a temporary file beside the target, then renames: readers never see half a file. */
  public static void writeAtomically(Path file, String text) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      Files.writeString(tmp, text);
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }
}
