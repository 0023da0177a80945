package dev.sluice.app.window;

import dev.sluice.core.deps.Deps;
import dev.sluice.core.deps.DepsException;
import dev.sluice.core.deps.LockCheck;
import java.nio.file.Path;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

/**
 * Whether the open project's packages (packages.yml) are installed as its lock file says, and the
 * command that installs them: off the FX thread, with progress, errors as messages.
 */
public final class PackagesViewModel {
  private final Executor background;
  private final Consumer<Runnable> onUiThread;
  private final Consumer<String> afterInstall;
  private final BooleanProperty shown = new SimpleBooleanProperty(false);
  private final BooleanProperty busy = new SimpleBooleanProperty(false);
  private final StringProperty message = new SimpleStringProperty("");
  private Path root;

  /**
   * @param afterInstall runs on the FX thread with a one-line summary once the packages are in
   *     place (the project then reloads)
   */
  public PackagesViewModel(
      Executor background, Consumer<Runnable> onUiThread, Consumer<String> afterInstall) {
    this.background = background;
    this.onUiThread = onUiThread;
    this.afterInstall = afterInstall;
  }

  /** Looks at the project's packages (files only, no network) and offers an install if needed. */
  public void check(Path projectRoot) {
    this.root = projectRoot;
    if (projectRoot == null) {
      shown.set(false);
      return;
    }
    background.execute(
        () -> {
          LockCheck.State state = LockCheck.of(projectRoot);
          onUiThread.accept(
              () -> {
                if (!projectRoot.equals(root) || busy.get()) {
                  return;
                }
                switch (state) {
                  case NOT_INSTALLED ->
                      show(
                          "This project's packages (packages.yml) are not installed in dbt_packages/.");
                  case OUT_OF_DATE ->
                      show(
                          "The installed packages may not match packages.yml: package-lock.yml is"
                              + " missing or was written for other packages.");
                  case NO_PACKAGES, UP_TO_DATE -> shown.set(false);
                }
              });
        });
  }

  private void show(String text) {
    message.set(text);
    shown.set(true);
  }

  /** Installs the packages as {@code sluice deps} does. */
  public void install() {
    Path r = root;
    if (r == null || busy.get()) {
      return;
    }
    busy.set(true);
    message.set("Installing packages...");
    background.execute(
        () -> {
          String outcome;
          boolean ok = false;
          try {
            Deps.Result result =
                Deps.install(
                    r, Deps.Options.defaults(), step -> onUiThread.accept(() -> message.set(step)));
            ok = true;
            outcome =
                "Installed "
                    + result.packages().size()
                    + " package"
                    + (result.packages().size() == 1 ? "" : "s")
                    + ".";
          } catch (DepsException e) {
            outcome = "Could not install the packages: " + e.getMessage();
          } catch (RuntimeException e) {
            outcome =
                "Could not install the packages: "
                    + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
          }
          boolean done = ok;
          String text = outcome;
          onUiThread.accept(
              () -> {
                busy.set(false);
                message.set(text);
                if (done) {
                  shown.set(false);
                  afterInstall.accept(text);
                }
              });
        });
  }

  public void dismiss() {
    shown.set(false);
  }

  public BooleanProperty shownProperty() {
    return shown;
  }

  public BooleanProperty busyProperty() {
    return busy;
  }

  public StringProperty messageProperty() {
    return message;
  }
}
