package dev.sluice.core.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.run.RunHistory;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.warehouse.DuckDbWarehouse;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code sluice serve} as its own process, stopped the hard and the polite way. */
class ServeProcessTest {
  private static final String SLOW =
      "{{ config(materialized='table') }}\n"
          + "select sum(a.range * b.range) as s from range(400000) a, range(400000) b";
  private static final String TICK = "2026-12-01T10:00:00Z";

  @TempDir Path dir;

  private void project(String model) {
    ProjectFolder.sluice(dir, "x")
        .file("models/slow.sql", model)
        .file(
            "schedules/all.yml",
            "schedules:\n  - {name: minutely, cron: \"* * * * *\", select: slow}\n");
  }

  /** A serve process, with its output read as it comes. */
  private record Serve(Process process, List<String> lines, CompletableFuture<Void> reading) {
    boolean waitFor(String text, long seconds) throws InterruptedException {
      long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
      while (System.nanoTime() < until) {
        synchronized (lines) {
          if (lines.stream().anyMatch(l -> l.contains(text))) {
            return true;
          }
        }
        Thread.sleep(50);
      }
      return false;
    }

    String output() throws Exception {
      reading.get(60, TimeUnit.SECONDS);
      synchronized (lines) {
        return String.join("\n", lines);
      }
    }
  }

  private Serve serve(String now) throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
            Path.of(System.getProperty("java.home"), "bin", "java").toString(),
            "-cp",
            System.getProperty("java.class.path"),
            "dev.sluice.core.cli.Main",
            "serve",
            "--project",
            dir.toString(),
            "--once",
            "--now",
            now);
    pb.redirectErrorStream(true);
    Process p = pb.start();
    List<String> lines = new ArrayList<>();
    CompletableFuture<Void> reading =
        CompletableFuture.runAsync(
            () -> {
              try (BufferedReader r =
                  new BufferedReader(
                      new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                  synchronized (lines) {
                    lines.add(line);
                  }
                }
              } catch (java.io.IOException e) {
                // the process went away
              }
            });
    return new Serve(p, lines, reading);
  }

  private List<RunHistory.Run> runs() {
    try (DuckDbWarehouse w = DuckDbWarehouse.open(dir.resolve("target/x.duckdb").toString())) {
      return new RunHistory(w).runs(20);
    }
  }

  private List<AutomationState.Claim> claims() {
    try (DuckDbWarehouse w = DuckDbWarehouse.open(dir.resolve("target/x.duckdb").toString())) {
      return new AutomationState(w).claims("minutely");
    }
  }

  @Test
  void serveKilledDuringATickRunsThatTickOnceAfterRestartAndNeverAgain() throws Exception {
    project(SLOW);
    Serve first = serve("2026-12-01T10:00:10Z");
    assertThat(first.waitFor("starting schedule minutely at " + TICK, 60)).isTrue();
    assertThat(first.waitFor("Running build", 30)).isTrue();
    first.process().destroyForcibly(); // SIGKILL: no hook, no cleanup
    assertThat(first.process().waitFor(30, TimeUnit.SECONDS)).isTrue();

    project("{{ config(materialized='table') }}\nselect 1 as s");
    Serve second = serve("2026-12-01T10:00:40Z");
    assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    String out = second.output();
    assertThat(out).contains("schedule minutely at " + TICK + " succeeded").contains("1 run at");
    assertThat(second.process().exitValue()).isZero();

    Serve third = serve("2026-12-01T10:00:50Z");
    assertThat(third.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(third.output()).contains("Nothing was due");

    assertThat(claims())
        .extracting(AutomationState.Claim::runKey, AutomationState.Claim::status)
        .containsExactly(org.assertj.core.groups.Tuple.tuple(TICK, "succeeded"));
    // the killed run stays in the history as it was left; the tick succeeded exactly once
    assertThat(runs())
        .filteredOn(r -> "succeeded".equals(r.status()))
        .extracting(RunHistory.Run::triggeredBy)
        .containsExactly("schedule minutely at " + TICK);
  }

  @Test
  void sigtermCancelsTheRunningTickCleanlyAndTheNextServeResumesIt() throws Exception {
    project(SLOW);
    Serve first = serve("2026-12-01T10:00:10Z");
    assertThat(first.waitFor("Running build", 60)).isTrue();
    Thread.sleep(300);
    // SIGTERM from outside: Process.destroy() would also close the pipe we read the output from
    new ProcessBuilder("kill", "-TERM", String.valueOf(first.process().pid())).start().waitFor();
    assertThat(first.process().waitFor(40, TimeUnit.SECONDS)).isTrue();
    assertThat(first.output())
        .contains("Stopping: cancelling the run in progress")
        .contains("was cancelled; it runs again when serve next starts");
    assertThat(runs()).extracting(RunHistory.Run::status).containsExactly("cancelled");
    assertThat(claims()).extracting(AutomationState.Claim::status).containsExactly("claimed");

    project("{{ config(materialized='table') }}\nselect 1 as s");
    Serve second = serve("2026-12-01T10:00:30Z");
    assertThat(second.process().waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(second.output()).contains("schedule minutely at " + TICK + " succeeded");
    assertThat(claims()).extracting(AutomationState.Claim::status).containsExactly("succeeded");
  }
}
