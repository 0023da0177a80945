package dev.sluice.core.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.artifacts.ManifestJson;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Target;
import dev.sluice.core.safety.SafePaths;
import dev.sluice.core.spi.Secrets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Files a run leaves under the target folder: {@code run_results.json}, {@code manifest.json} and
 * the compiled SQL of each node under {@code compiled/}, all written atomically.
 */
public final class RunArtifacts {
  /** run_results.json's writer, made on first use: compile writes none. */
  private static final class Indented {
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
  }

  /** manifest.json's generators: streaming alone, no object mapper to set up. */
  private static final com.fasterxml.jackson.core.JsonFactory COMPACT =
      new com.fasterxml.jackson.core.JsonFactory();

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
    java.util.Map<String, String> files = new java.util.LinkedHashMap<>();
    for (NodeResult r : summary.results()) {
      if (r.compiledSql() != null) {
        compiled.put(r.nodeId(), r.compiledSql());
        manifest
            .node(r.nodeId())
            .ifPresent(node -> files.put(compiledName(node), r.compiledSql() + "\n"));
      }
    }
    // only the files whose SQL changed are rewritten, each atomically
    dev.sluice.core.io.FileTree.update(
        SafePaths.under(
            targetDir, targetDir.resolve("compiled").resolve(manifest.project().name())),
        files);
    writeAtomically(
        targetDir,
        targetDir.resolve("run_results.json"),
        Secrets.mask(Indented.JSON.writeValueAsString(root)));
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
    // streamed to the file node by node (13 MB for 10,000 models, never held as a tree or one
    // string), every string masked as it is written
    Path file = SafePaths.under(targetDir, targetDir.resolve("manifest.json"));
    Files.createDirectories(file.getParent());
    Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp");
    try {
      // compact, as dbt writes it (indented it was about twice the size), and encoded by the
      // generator itself rather than through a Writer
      try (java.io.OutputStream o =
          new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        ManifestJson.write(
            o,
            out ->
                masking(COMPACT.createGenerator(out, com.fasterxml.jackson.core.JsonEncoding.UTF8)),
            manifest,
            target,
            compiled,
            invocationId);
      }
      Files.move(
          tmp,
          file,
          java.nio.file.StandardCopyOption.REPLACE_EXISTING,
          java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  /** A generator that writes each string and field name through {@link Secrets#mask}. */
  static com.fasterxml.jackson.core.JsonGenerator masking(
      com.fasterxml.jackson.core.JsonGenerator g) {
    if (!Secrets.any()) {
      return g; // nothing to mask: no call through a delegate per string
    }
    return new com.fasterxml.jackson.core.util.JsonGeneratorDelegate(g, false) {
      @Override
      public void writeString(String text) throws IOException {
        super.writeString(Secrets.mask(text));
      }

      @Override
      public void writeFieldName(String name) throws IOException {
        super.writeFieldName(Secrets.mask(name));
      }
    };
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
