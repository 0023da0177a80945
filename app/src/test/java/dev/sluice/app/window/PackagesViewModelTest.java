package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PackagesViewModelTest {
  @TempDir Path dir;
  final List<String> done = new ArrayList<>();
  final PackagesViewModel vm = new PackagesViewModel(Runnable::run, Runnable::run, done::add);

  @Test
  void aProjectWithPackagesNotInstalledIsOfferedAnInstallThatPutsThemInPlace() {
    new ProjectFolder(dir.resolve("helpers")).file("dbt_project.yml", "name: helpers\n");
    Path shop =
        new ProjectFolder(dir.resolve("shop"))
            .file("dbt_project.yml", "name: shop\n")
            .file("packages.yml", "packages:\n  - local: ../helpers\n")
            .root();

    vm.check(shop);
    assertThat(vm.shownProperty().get()).isTrue();
    assertThat(vm.messageProperty().get()).contains("package");

    vm.install();
    assertThat(shop.resolve("dbt_packages/helpers/dbt_project.yml")).exists();
    assertThat(vm.shownProperty().get()).isFalse();
    assertThat(vm.busyProperty().get()).isFalse();
    assertThat(done).containsExactly("Installed 1 package.");

    vm.check(shop);
    assertThat(vm.shownProperty().get()).isFalse();
  }

  @Test
  void aFailedInstallIsAMessageNotAStackTrace() {
    Path shop =
        new ProjectFolder(dir.resolve("shop"))
            .file("dbt_project.yml", "name: shop\n")
            .file("packages.yml", "packages:\n  - local: ../nowhere\n")
            .root();
    vm.check(shop);
    vm.install();
    assertThat(vm.shownProperty().get()).isTrue();
    assertThat(vm.messageProperty().get())
        .startsWith("Could not install the packages: local package ../nowhere")
        .doesNotContain("Exception")
        .doesNotContain("\tat ");
    assertThat(done).isEmpty();
    assertThat(shop.resolve("dbt_packages")).doesNotExist();
  }

  @Test
  void aProjectWithoutPackagesShowsNoBar() {
    Path shop =
        new ProjectFolder(dir.resolve("shop")).file("dbt_project.yml", "name: shop\n").root();
    vm.check(shop);
    assertThat(vm.shownProperty().get()).isFalse();
  }
}
