package dev.sluice.app.results;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.testing.Samples;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The app's warehouse session must not keep the CLI out of the project's DuckDB file for long. */
class WarehouseSessionTest {
  @TempDir Path dir;

  @Test
  void anIdleSessionLetsTheCliInAnotherProcessBuildTheProject() throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    var manifest = Pipeline.parse(shop, PipelineOptions.defaults());
    try (WarehouseSession session = new WarehouseSession(PipelineOptions.defaults(), 300)) {
      session.setManifest(manifest);
      session.pipeline().warehouse().ensureSchema("main");
      assertThat(session.isOpen()).isTrue();
      // while the app keeps using it (a user typing, say), the file stays locked to other processes
      var inUse = java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
      inUse.scheduleWithFixedDelay(session::pipeline, 0, 50, TimeUnit.MILLISECONDS);
      try {
        // --no-wait: without it the CLI would wait for the app to let go
        assertThat(cliSeed(shop, "--no-wait"))
            .as("the file is locked while the app holds it")
            .isEqualTo(2);
      } finally {
        inUse.shutdownNow();
        inUse.awaitTermination(5, TimeUnit.SECONDS);
      }

      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
      while (session.isOpen() && System.nanoTime() < deadline) {
        Thread.sleep(50);
      }
      assertThat(session.isOpen()).as("closed after 300 ms without use").isFalse();
      assertThat(cliSeed(shop)).as("the CLI builds once the app lets go").isZero();

      // the next use opens the file again and sees what the CLI built
      assertThat(session.pipeline().warehouse().exists("main", "raw_orders")).isTrue();
    }
  }

  @Test
  void whileACliBuildHoldsTheFilePreviewsReadItsLastCheckpointAndSaySo() throws Exception {
    Path shop = Samples.copy("shop", dir.resolve("shop"));
    assertThat(cliSeed(shop)).isZero();
    // a model that runs far longer than this test: the build holds the file until it is killed
    java.nio.file.Files.writeString(
        shop.resolve("models/zz_slow.sql"),
        "{{ config(materialized='table') }}\n"
            + "select sum(a.range * b.range) as x from range(100000) a, range(100000000) b\n");
    Process build =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sluice.core.cli.Main",
                "run",
                "--project",
                shop.toString(),
                "--select",
                "zz_slow")
            .redirectErrorStream(true)
            .start();
    try (var out =
            new java.io.BufferedReader(
                new java.io.InputStreamReader(
                    build.getInputStream(), java.nio.charset.StandardCharsets.UTF_8));
        WarehouseSession session = new WarehouseSession(PipelineOptions.defaults(), 60_000)) {
      String line;
      do {
        line = out.readLine();
      } while (line != null && !line.contains("Running"));
      assertThat(line).as("the child build started").isNotNull();
      session.setManifest(Pipeline.parse(shop, PipelineOptions.defaults()));
      assertThat(session.pipeline().warehouse().exists("main", "raw_orders")).isTrue();
      assertThat(session.readingCopy())
          .as("child %s alive %s, first line %s", build.pid(), build.isAlive(), line)
          .hasValueSatisfying(
              n ->
                  assertThat(n)
                      .contains("`sluice run` (pid " + build.pid() + ")")
                      .contains("last checkpoint"));
    } finally {
      build.destroyForcibly();
      build.waitFor(30, TimeUnit.SECONDS);
    }
  }

  /**
   * Runs {@code sluice seed --select raw_orders} in a separate JVM, as a terminal would; returns
   * its exit code.
   */
  private static int cliSeed(Path project, String... more) throws Exception {
    java.util.List<String> cmd =
        new java.util.ArrayList<>(
            java.util.List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                "dev.sluice.core.cli.Main",
                "seed",
                "--project",
                project.toString(),
                "--select",
                "raw_orders"));
    cmd.addAll(java.util.List.of(more));
    Process p =
        new ProcessBuilder(cmd)
            .redirectErrorStream(true)
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    return p.exitValue();
  }
}
