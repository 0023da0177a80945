package dev.sluice.app.window;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Opening a project whose packages are not installed offers the install in a bar. */
class PackagesBarUiTest extends WindowTestBase {
  @Start
  void start(Stage stage) {
    startWindow(stage);
  }

  @TempDir Path dir;

  @Test
  void theBarInstallsTheMissingPackagesAndGoesAway(FxRobot robot) throws Exception {
    new ProjectFolder(dir.resolve("helpers"))
        .file("dbt_project.yml", "name: helpers\n")
        .file("macros/cents.sql", "{% macro cents(x) %}{{ x }} / 100{% endmacro %}");
    Path shop =
        new ProjectFolder(dir.resolve("shop"))
            .file("dbt_project.yml", "name: shop\nprofile: shop\n")
            .file("packages.yml", "packages:\n  - local: ../helpers\n")
            .file("models/a.sql", "select 1 as x\n")
            .root();
    open(robot, shop);
    WaitForAsyncUtils.waitFor(
        20, TimeUnit.SECONDS, () -> robot.lookup("#packages-bar").query().isVisible());
    Label text = robot.lookup("#packages-message").queryAs(Label.class);
    assertThat(text.getText()).contains("not installed");

    robot.clickOn("#packages-install");
    Node bar = robot.lookup("#packages-bar").query();
    WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !bar.isVisible());
    assertThat(Files.exists(shop.resolve("dbt_packages/helpers/macros/cents.sql"))).isTrue();
    assertThat(robot.lookup("#status-message").queryAs(Label.class).getText())
        .isEqualTo("Installed 1 package.");
  }
}
