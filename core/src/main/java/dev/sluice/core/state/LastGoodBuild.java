package dev.sluice.core.state;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.core.artifacts.DbtIds;
import dev.sluice.core.artifacts.ManifestJson;
import dev.sluice.core.io.AtomicFiles;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.plan.SelectorException;
import dev.sluice.core.project.Target;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * What each node was when it last built without failing: the state {@code state:modified} compares
 * with when no {@code --state} folder is given. Kept under the target folder as a manifest of its
 * own ({@code last_good_build/manifest.json}, dbt's shape), updated after every run for the nodes
 * that succeeded in it; a node that failed, or was not in the run, keeps what it was before.
 */
public final class LastGoodBuild {
  /** The folder under the target folder, a state folder that {@code --state} could read too. */
  public static final String FOLDER = "last_good_build";

  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private LastGoodBuild() {}

  /**
   * Records the nodes that built well: {@code succeeded} are their Sluice ids; {@code allGood} says
   * the run failed nowhere, which also records the sources it read.
   */
  public static void record(
      Manifest manifest, Target target, Set<String> succeeded, boolean allGood, Path targetDir)
      throws IOException {
    if (succeeded.isEmpty()) {
      return;
    }
    Path file = targetDir.resolve(FOLDER).resolve("manifest.json");
    ObjectNode saved = JSON.createObjectNode();
    if (Files.isRegularFile(file)) {
      try {
        JsonNode old = JSON.readTree(file.toFile());
        if (old instanceof ObjectNode o) {
          saved = o;
        }
      } catch (IOException e) {
        // a damaged record is started again from this run
      }
    }
    ObjectNode nodes = saved.with("nodes");
    ObjectNode sources = saved.with("sources");
    ObjectNode current = ManifestJson.of(manifest, target, Map.of(), "last-good-build");
    String project = manifest.project().name();
    for (String id : succeeded) {
      String dbtId = DbtIds.of(project, id);
      JsonNode now = current.path("nodes").path(dbtId);
      if (!now.isMissingNode()) {
        nodes.set(dbtId, now);
      }
    }
    if (allGood) {
      current.path("sources").fields().forEachRemaining(e -> sources.set(e.getKey(), e.getValue()));
    }
    Files.createDirectories(file.getParent());
    AtomicFiles.write(file, JSON.writeValueAsString(saved));
  }

  /** The recorded state of the project whose target folder is {@code targetDir}, if any. */
  public static Optional<SavedState> read(Path targetDir) {
    Path dir = targetDir.resolve(FOLDER);
    if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
      return Optional.empty();
    }
    return Optional.of(SavedState.read(dir));
  }

  /**
   * The recorded state, or a clear error saying there is none yet and what to do.
   *
   * @param select the selection that asked, for the message
   */
  public static SavedState require(Path targetDir, String select) {
    return read(targetDir)
        .orElseThrow(
            () ->
                new SelectorException(
                    "'"
                        + select
                        + "' compares with the last successful build, and this project has"
                        + " none recorded yet: build it once (sluice build), or compare with a"
                        + " saved manifest with --state DIR"));
  }
}
