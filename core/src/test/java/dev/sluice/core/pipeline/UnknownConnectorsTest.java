package dev.sluice.core.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.project.ProjectException;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A source whose connector no plugin provides is named when the project is read. */
class UnknownConnectorsTest {
  @TempDir Path dir;

  @Test
  void anUnknownConnectorIsAnErrorAtItsSourceAndAProjectWithoutLoadsParses() {
    ProjectFolder.sluice(dir, "c").file("models/m.sql", "select 1 as a");
    assertThat(Pipeline.parse(dir, PipelineOptions.defaults()).node("model.m")).isPresent();
    new ProjectFolder(dir)
        .file(
            "sources/s.yml",
            "sources:\n  - name: far\n    connector: carrier_pigeon\n    tables:\n"
                + "      - name: notes\n");
    assertThatThrownBy(() -> Pipeline.parse(dir, PipelineOptions.defaults()))
        .isInstanceOf(ProjectException.class)
        .hasMessageContaining("sources/s.yml")
        .hasMessageContaining("connector 'carrier_pigeon', which no installed plugin provides");
  }
}
