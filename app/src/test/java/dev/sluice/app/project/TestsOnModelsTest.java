package dev.sluice.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.bench.SyntheticProject;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tests drawn on their models by default in a project of more than 50 nodes, without a window. */
class TestsOnModelsTest {
  @TempDir Path dir;

  private ProjectViewModel open(int models) throws Exception {
    SyntheticProject.write(dir, models, 3);
    Files.writeString(
        dir.resolve("models/schema.yml"),
        """
        version: 2
        models:
          - name: m0
            columns:
              - name: id
                tests: [not_null, unique]
        """);
    ProjectViewModel project = new ProjectViewModel(Runnable::run, Runnable::run);
    project.open(dir);
    return project;
  }

  @Test
  void aLargeProjectDrawsItsTestsOnTheirModelsAndGivesThemNoPlace() throws Exception {
    ProjectViewModel project = open(60);
    var m = project.manifestProperty().get();
    assertThat(m.dag().nodeIds().size()).isGreaterThan(ProjectLayout.TESTS_ON_MODELS_ABOVE);
    assertThat(project.testsOnModels().get()).isTrue();
    FolderGroups.Shown s = project.shown();
    assertThat(s.testsOn("model.m0")).hasSize(2).allMatch(t -> t.startsWith("test."));
    assertThat(s.items()).doesNotContainAnyElementsOf(s.testsOn("model.m0"));
    for (String[] e : s.edges()) {
      assertThat(s.items()).as(e[0] + " -> " + e[1]).contains(e[0], e[1]);
    }
    // the layout leaves them out, so no column of the graph is spent on them
    double maxX =
        s.items().stream().mapToDouble(id -> project.position(id).x()).max().orElseThrow();
    assertThat(s.testsOn("model.m0"))
        .allMatch(t -> !project.layout().positionsForTest().containsKey(t));
    assertThat(maxX).isPositive();

    project.setTestsOnModels(false);
    FolderGroups.Shown all = project.shown();
    assertThat(all.items()).containsAll(s.testsOn("model.m0"));
    assertThat(all.testsOn()).isEmpty();
    for (String t : s.testsOn("model.m0")) {
      assertThat(project.layout().positionsForTest()).containsKey(t);
    }
  }

  @Test
  void aSmallProjectDrawsItsTestsAsCards() throws Exception {
    ProjectViewModel project = open(20);
    assertThat(project.testsOnModels().get()).isFalse();
    assertThat(project.shown().testsOn()).isEmpty();
  }
}
