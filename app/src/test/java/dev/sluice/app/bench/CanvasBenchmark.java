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
 * The canvas benchmark (not a test): first pans an empty pane in the window for five seconds, the
 * raw baseline; then opens a generated project of N models in the same window and measures the time
 * from asking to open it to the first frame that shows its graph (the pulse that sees the project,
 * and the end of that pulse's CSS and layout, where the edge canvas is first painted), then the
 * frame rate while panning across it for five seconds, first at a zoom where cards are read, then
 * zoomed out to an overview, each with its ratio to the baseline; the load average at the start and
 * the end. Run under a display (Xvfb works): see docs/benchmarks.md for the command.
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
   * CPU time so far, in nanoseconds, of the threads that make a frame: the JavaFX application
   * thread and the renderer's. On a loaded machine the frame rate mostly measures waiting for a
   * core; the CPU a frame costs does not.
   */
  static long frameThreadsCpu() {
    return threadsCpu("JavaFX Application Thread") + threadsCpu("QuantumRenderer");
  }

  /** CPU time so far, in nanoseconds, of the threads whose name starts with a prefix. */
  static long threadsCpu(String prefix) {
    java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
    long sum = 0;
    for (Thread t : Thread.getAllStackTraces().keySet()) {
      String n = t.getName();
      if (n.startsWith(prefix)) {
        long c = mx.getThreadCpuTime(t.getId());
        if (c > 0) {
          sum += c;
        }
      }
    }
    return sum;
  }

  /** The first three fields of /proc/loadavg (1, 5 and 15 minutes), or "unknown". */
  static String loadAverage() {
    try {
      String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
      return f[0] + " " + f[1] + " " + f[2];
    } catch (java.io.IOException | RuntimeException e) {
      return "unknown";
    }
  }

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
      System.out.printf(Locale.ROOT, "load average at the start: %s%n", loadAverage());
      stage.setScene(new javafx.scene.Scene(new javafx.scene.layout.Pane(), 1280, 800));
      stage.show();
      baseline(stage, () -> measure(stage, dir));
    }

    /**
     * The raw baseline: an empty pane in the same window, its content panned the same way for as
     * long, so that the graph's frame rate can be read as a share of what this renderer and this
     * machine give a window that draws nothing.
     */
    private void baseline(Stage stage, Runnable then) {
      javafx.scene.layout.Pane plane = new javafx.scene.layout.Pane();
      plane.setManaged(false);
      javafx.scene.layout.Pane root = new javafx.scene.layout.Pane(plane);
      stage.getScene().setRoot(root);
      new AnimationTimer() {
        long start;
        long measureStart;
        long cpu0;
        int frames;

        @Override
        public void handle(long now) {
          if (start == 0) {
            start = now;
          }
          plane.setTranslateX(plane.getTranslateX() - 6);
          plane.setTranslateY(Math.sin(now / 3e8) * 4);
          if (now - start < 1_000_000_000L) {
            return;
          }
          if (measureStart == 0) {
            measureStart = now;
            cpu0 = frameThreadsCpu();
          }
          frames++;
          if (now - measureStart > 5_000_000_000L) {
            baselineFps = frames / ((now - measureStart) / 1e9);
            baselineCpu = (frameThreadsCpu() - cpu0) / 1e6 / frames;
            System.out.printf(
                Locale.ROOT,
                "baseline: an empty pane panned the same way: %.1f frames per second, %.2f ms CPU"
                    + " per frame%n",
                baselineFps,
                baselineCpu);
            stop();
            then.run();
          }
        }
      }.start();
    }

    /**
     * How many nodes a part of the scene holds, itself included: each is walked by every pulse's
     * bounds pass.
     */
    static int count(javafx.scene.Node n) {
      int c = 1;
      if (n instanceof javafx.scene.Parent p) {
        for (javafx.scene.Node k : p.getChildrenUnmodifiable()) {
          c += count(k);
        }
      }
      return c;
    }

    /** Zooms the graph, about the view's centre, to a scale. */
    static void zoomTo(dev.sluice.app.window.Workbench w, double scale) {
      double now = w.graph().getChildrenUnmodifiable().get(0).getScaleX();
      if (Math.abs(now - scale) > 1e-9) {
        w.graph().zoom(scale / now);
      }
    }

    /**
     * With -Dbench.shots=DIR, writes what the window shows as DIR/phase-N.ppm (a plain pixel format
     * any image tool reads), to see that what is measured draws what it should.
     */
    static void shoot(Stage stage, int phase) {
      String dir = System.getProperty("bench.shots");
      if (dir == null) {
        return;
      }
      javafx.scene.image.WritableImage img = stage.getScene().snapshot(null);
      int w = (int) img.getWidth();
      int h = (int) img.getHeight();
      javafx.scene.image.PixelReader r = img.getPixelReader();
      byte[] out = new byte[w * h * 3];
      for (int y = 0; y < h; y++) {
        for (int x = 0; x < w; x++) {
          int argb = r.getArgb(x, y);
          int o = 3 * (y * w + x);
          out[o] = (byte) (argb >> 16);
          out[o + 1] = (byte) (argb >> 8);
          out[o + 2] = (byte) argb;
        }
      }
      try (var f = Files.newOutputStream(Path.of(dir, "phase-" + phase + ".ppm"))) {
        f.write(
            ("P6\n" + w + " " + h + "\n255\n")
                .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        f.write(out);
      } catch (java.io.IOException e) {
        System.out.println("no shot: " + e.getMessage());
      }
    }

    /** The CPU time the process spent from the open to the graph's first frame. */
    private long laidOutCpu;

    /** The CPU time of every thread of the process so far (JIT and GC too), in nanoseconds. */
    static long processCpu() {
      return java.lang.management.ManagementFactory.getOperatingSystemMXBean()
              instanceof com.sun.management.OperatingSystemMXBean os
          ? os.getProcessCpuTime()
          : 0;
    }

    private double baselineFps;
    private double baselineCpu;

    private void measure(Stage stage, Path dir) {
      MainWindow window = new MainWindow(stage, dark -> {});
      stage.show();
      long t0 = System.nanoTime();
      long cpuAtOpen = processCpu();
      long[] laidOut = {-1};
      stage
          .getScene()
          .addPostLayoutPulseListener(
              new Runnable() {
                @Override
                public void run() {
                  if (window.workbench().project().manifestProperty().get() != null) {
                    laidOut[0] = System.nanoTime();
                    laidOutCpu = processCpu() - cpuAtOpen;
                    stage.getScene().removePostLayoutPulseListener(this);
                  }
                }
              });
      window.open(dir);
      new AnimationTimer() {
        long firstPaint = -1;
        long phaseStart;
        long measureStart;
        long cpu0;
        long renderCpu0;
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
              zoomTo(w, 2.5); // a working zoom level, where cards can be read
              phaseStart = now;
            }
            return;
          }
          if (laidOut[0] > 0) {
            System.out.printf(
                Locale.ROOT,
                "open %d models: the graph's first frame styled and laid out after %d ms; the"
                    + " process's CPU time from the open to then %d ms%n",
                models,
                (laidOut[0] - t0) / 1_000_000,
                laidOutCpu / 1_000_000);
            laidOut[0] = 0;
            if (Boolean.getBoolean("bench.openOnly")) {
              stop();
              DONE.countDown();
              return;
            }
          }
          w.graph()
              .panBy(phase == 0 ? -6 : -2, Math.sin(now / 3e8) * 4); // drift right across the graph
          double target = phase == 0 ? 2.5 : 0.15;
          double scale = w.graph().getChildrenUnmodifiable().get(0).getScaleX();
          if (measureStart == 0
              && (now - phaseStart < 3_000_000_000L || Math.abs(scale - target) > 1e-9)) {
            // the graph places itself once sized, some pulses after it is shown: the zoom is set
            // again until the warm-up ends and holds, so that every build is measured at one scale
            zoomTo(w, target);
            return; // warm-up: the first cards' styles and the background work after opening
          }
          if (measureStart == 0) {
            measureStart = now;
            cpu0 = frameThreadsCpu();
            renderCpu0 = threadsCpu("QuantumRenderer");
            System.out.printf(
                Locale.ROOT,
                "measuring from %s; nodes in the scene %d; the graph's scale %.2f%n",
                java.time.LocalTime.now(),
                count(stage.getScene().getRoot()),
                w.graph().getChildrenUnmodifiable().get(0).getScaleX());
            shoot(stage, phase);
          }
          frames++;
          if (now - measureStart > 5_000_000_000L) {
            double fps = frames / ((now - measureStart) / 1e9);
            double cpu = (frameThreadsCpu() - cpu0) / 1e6 / frames;
            double render = (threadsCpu("QuantumRenderer") - renderCpu0) / 1e6 / frames;
            System.out.printf(
                Locale.ROOT,
                "pan %d models %s: %.1f frames per second over %.1f s, baseline %.1f, ratio"
                    + " %.2f; %.2f ms CPU per frame (FX and renderer threads; %.2f of it the"
                    + " renderer's), baseline %.2f%n",
                models,
                phase == 0 ? "at zoom 2.5" : "zoomed out to 0.15",
                fps,
                (now - measureStart) / 1e9,
                baselineFps,
                fps / baselineFps,
                cpu,
                render,
                baselineCpu);
            if (phase == 1) {
              System.out.printf(Locale.ROOT, "load average at the end: %s%n", loadAverage());
              stop();
              DONE.countDown();
              return;
            }
            phase = 1;
            zoomTo(w, 0.15); // an overview: hundreds of nodes in view at once
            phaseStart = now;
            measureStart = 0;
            frames = 0;
          }
        }
      }.start();
    }
  }
}
