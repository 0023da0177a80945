package dev.sluice.app.bench;

import dev.sluice.app.window.MainWindow;
import dev.sluice.bench.SyntheticProject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The canvas benchmark (not a test): opens a generated project of N models in a real window and
 * measures the time from asking to open it to the first frame that shows its graph, then the frame
 * rate while panning across it for five seconds, first at a zoom where cards are read, then zoomed
 * out to an overview. Run under a display (Xvfb works): see docs/benchmarks.md for the command.
 */
public final class CanvasBenchmark {
  static int models = 2_000;
  static final CountDownLatch DONE = new CountDownLatch(1);

  public static void main(String[] args) throws Exception {
    if (args.length > 0) {
      models = Integer.parseInt(args[0]);
    }
    new Thread(() -> Application.launch(Window.class), "fx-launch").start();
    DONE.await(5, TimeUnit.MINUTES);
    Platform.exit();
    System.exit(0);
  }

  private CanvasBenchmark() {}

  /**
   * The measured window; a nested class, because a main class extending Application fails on the
   * class path.
   */
  public static final class Window extends Application {
    @Override
    public void start(Stage stage) throws Exception {
      Path dir = Files.createTempDirectory("sluice-canvas-bench");
      SyntheticProject.write(dir, models, 10);
      Application.setUserAgentStylesheet(
          new atlantafx.base.theme.PrimerLight().getUserAgentStylesheet());
      MainWindow window = new MainWindow(stage, dark -> {});
      stage.show();
      long t0 = System.nanoTime();
      window.open(dir);
      new AnimationTimer() {
        long firstPaint = -1;
        long phaseStart;
        long measureStart;
        int frames;
        int phase; // 0: at a working zoom where cards are read, 1: zoomed out to an overview

        @Override
        public void handle(long now) {
          var w = window.workbench();
          if (firstPaint < 0) {
            if (w.project().manifestProperty().get() != null) {
              firstPaint = now;
              System.out.printf(
                  Locale.ROOT,
                  "open %d models: first paint after %d ms%n",
                  models,
                  (now - t0) / 1_000_000);
              w.graph().zoom(2.5); // a working zoom level, where cards can be read
              phaseStart = now;
            }
            return;
          }
          w.graph()
              .panBy(phase == 0 ? -6 : -2, Math.sin(now / 3e8) * 4); // drift right across the graph
          if (now - phaseStart < 3_000_000_000L) {
            return; // warm-up: the first cards' styles and the background work after opening
          }
          if (measureStart == 0) {
            measureStart = now;
          }
          frames++;
          if (now - measureStart > 5_000_000_000L) {
            System.out.printf(
                Locale.ROOT,
                "pan %d models %s: %.1f frames per second over %.1f s%n",
                models,
                phase == 0 ? "at zoom 2.5" : "zoomed out to 0.15",
                frames / ((now - measureStart) / 1e9),
                (now - measureStart) / 1e9);
            if (phase == 1) {
              stop();
              DONE.countDown();
              return;
            }
            phase = 1;
            w.graph().zoom(0.15 / 2.5); // an overview: hundreds of nodes in view at once
            phaseStart = now;
            measureStart = 0;
            frames = 0;
          }
        }
      }.start();
    }
  }
}
