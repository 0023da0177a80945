package dev.sluice.core.deps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A package that asks the Hub for dbt_utils, in a project that installs dbt_utils from a folder
 * itself (as when the packages are developed side by side, or kept offline): the project's copy
 * serves both, and the Hub is not asked.
 */
class ProjectProvidesPackageTest {
  @TempDir Path tmp;

  /** Nothing listens here: a request to this Hub fails at once. */
  private static final String DEAD_HUB = "http://127.0.0.1:9/";

  private Path setUp(boolean projectHasUtils) throws Exception {
    Path utils = tmp.resolve("utils");
    Files.createDirectories(utils.resolve("macros"));
    Files.writeString(utils.resolve("dbt_project.yml"), "name: dbt_utils\nconfig-version: 2\n");
    Path audit = tmp.resolve("audit");
    Files.createDirectories(audit.resolve("macros"));
    Files.writeString(audit.resolve("dbt_project.yml"), "name: audit_helper\nconfig-version: 2\n");
    Files.writeString(
        audit.resolve("packages.yml"),
        "packages:\n  - package: dbt-labs/dbt_utils\n    version: [\">=0.9.0\", \"<2.0.0\"]\n");
    Path project = tmp.resolve("project");
    Files.createDirectories(project);
    Files.writeString(project.resolve("dbt_project.yml"), "name: shop\nconfig-version: 2\n");
    Files.writeString(
        project.resolve("packages.yml"),
        "packages:\n" + (projectHasUtils ? "  - local: ../utils\n" : "") + "  - local: ../audit\n");
    return project;
  }

  @Test
  void thePackagesHubRequirementIsMetByTheProjectsOwnCopy() throws Exception {
    Path project = setUp(true);
    List<String> progress = new ArrayList<>();
    Deps.Result r = Deps.install(project, new Deps.Options(false, false, DEAD_HUB), progress::add);
    assertThat(r.packages())
        .extracting(LockFile.Pinned::name)
        .containsExactly("dbt_utils", "audit_helper");
    assertThat(project.resolve("dbt_packages/dbt_utils/dbt_project.yml")).exists();
    assertThat(progress)
        .anySatisfy(
            l -> assertThat(l).contains("Using the project's ../utils for dbt-labs/dbt_utils"));
    assertThat(Files.readString(project.resolve("package-lock.yml"))).doesNotContain("dbt-labs/");
  }

  @Test
  void withoutTheProjectsCopyTheHubIsAskedAndItsFailureNamed() throws Exception {
    Path project = setUp(false);
    assertThatThrownBy(
            () -> Deps.install(project, new Deps.Options(false, false, DEAD_HUB), l -> {}))
        .hasMessageContaining("dbt-labs/dbt_utils")
        .hasMessageContaining("127.0.0.1:9");
    assertThat(project.resolve("dbt_packages")).doesNotExist();
  }
}
