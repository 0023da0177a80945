package dev.sluice.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.sluice.core.parse.Manifest;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.spi.Secrets;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** manifest.json is streamed to its file, and a secret never reaches it, in a value or a key. */
class ManifestJsonMaskTest {
  @TempDir Path dir;

  @Test
  void aStreamedManifestMasksEverySecretAndIsWholeJson() throws Exception {
    String secret = "s3cr3t-" + System.nanoTime();
    Secrets.remember(secret);
    new ProjectFolder(dir)
        .file("sluice.yml", "name: masked\n")
        .file("models/a.sql", "select '" + secret + "' as token\n");
    Project project = new ProjectLoader().load(dir);
    Manifest m = Manifest.of(project);
    Path target = dir.resolve("target");
    RunArtifacts.writeManifest(
        m,
        project.settings().target(null),
        Map.of("model.a", "select '" + secret + "' as token", secret, secret),
        "test",
        target);
    String text = Files.readString(target.resolve("manifest.json"));
    assertThat(text).doesNotContain(secret).contains(Secrets.MASK);
    JsonNode json = new ObjectMapper().readTree(text);
    assertThat(json.path("nodes").path("model.masked.a").path("raw_code").asText())
        .isEqualTo("select '" + Secrets.MASK + "' as token\n");
    try (var files = Files.list(target)) {
      assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
    }
  }
}
