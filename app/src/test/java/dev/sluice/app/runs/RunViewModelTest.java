package dev.sluice.app.runs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.NodeStatus;
import dev.sluice.core.run.RunEvent;
import dev.sluice.core.run.RunSummary;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunViewModelTest {
  @TempDir Path dir;

  private static NodeResult result(String id, NodeStatus status) {
    return new NodeResult(
        id,
        id.substring(id.indexOf('.') + 1),
        id.substring(0, id.indexOf('.')),
        status,
        Instant.now(),
        5,
        3,
        "msg",
        null,
        null,
        List.of(),
        null);
  }

  @Test
  void nodesMoveFromQueuedToRunningToTheirOutcome() {
    RunViewModel vm = new RunViewModel();
    vm.apply(
        new RunEvent.RunStarted(
            "r1", "build", List.of("model.a", "model.b", "test.t"), Instant.now()));
    assertThat(vm.state("model.a")).isEqualTo(NodeRunState.QUEUED);
    assertThat(vm.runningProperty().get()).isTrue();
    vm.apply(new RunEvent.NodeStarted("r1", "model.a", Instant.now()));
    assertThat(vm.state("model.a")).isEqualTo(NodeRunState.RUNNING);
    vm.apply(new RunEvent.NodeFinished("r1", result("model.a", NodeStatus.SUCCESS), 1, 3));
    vm.apply(new RunEvent.NodeFinished("r1", result("test.t", NodeStatus.FAIL), 2, 3));
    vm.apply(new RunEvent.NodeFinished("r1", result("model.b", NodeStatus.SKIPPED), 3, 3));
    assertThat(vm.state("model.a")).isEqualTo(NodeRunState.SUCCEEDED);
    assertThat(vm.state("test.t")).isEqualTo(NodeRunState.TEST_FAILED);
    assertThat(vm.state("model.b")).isEqualTo(NodeRunState.SKIPPED);
    assertThat(vm.progressProperty().get()).isEqualTo(1.0);
    vm.apply(
        new RunEvent.RunFinished(
            "r1",
            new RunSummary(
                "r1",
                "build",
                Instant.now(),
                1200,
                List.of(
                    result("model.a", NodeStatus.SUCCESS),
                    result("test.t", NodeStatus.FAIL),
                    result("model.b", NodeStatus.SKIPPED)),
                false)));
    assertThat(vm.runningProperty().get()).isFalse();
    assertThat(vm.statusProperty().get()).isEqualTo("Run failed: 1 of 3 nodes failed (1.2 s)");
  }

  @Test
  void cancelMidRunEndsWithCancelledNodesAndLateEventsOfOldRunsAreIgnored() {
    RunViewModel vm = new RunViewModel();
    vm.apply(new RunEvent.RunStarted("r1", "run", List.of("model.a", "model.b"), Instant.now()));
    vm.apply(new RunEvent.NodeStarted("r1", "model.a", Instant.now()));
    vm.apply(new RunEvent.NodeFinished("r1", result("model.a", NodeStatus.CANCELLED), 1, 2));
    vm.apply(new RunEvent.NodeFinished("r1", result("model.b", NodeStatus.CANCELLED), 2, 2));
    vm.apply(
        new RunEvent.RunFinished(
            "r1", new RunSummary("r1", "run", Instant.now(), 300, List.of(), true)));
    assertThat(vm.state("model.a")).isEqualTo(NodeRunState.CANCELLED);
    assertThat(vm.statusProperty().get()).startsWith("Run cancelled");
    vm.apply(new RunEvent.RunStarted("r2", "run", List.of("model.a"), Instant.now()));
    vm.apply(new RunEvent.NodeFinished("r1", result("model.a", NodeStatus.ERROR), 2, 2));
    assertThat(vm.state("model.a")).isEqualTo(NodeRunState.QUEUED);
  }

  @Test
  void serviceRunsARealProjectAndFeedsTheViewModel() {
    Path p =
        ProjectFolder.sluice(dir, "r")
            .file("seeds/s.csv", "id\n1\n2\n")
            .file("models/m.sql", "select * from {{ ref('s') }}")
            .file(
                "models/schema.yml",
                "models:\n  - name: m\n    columns:\n      - name: id\n        tests: [unique]\n")
            .root();
    RunViewModel vm = new RunViewModel();
    RunService service =
        new RunService(Runnable::run, Runnable::run, vm, PipelineOptions.defaults());
    List<RunSummary> done = new ArrayList<>();
    service.start(
        p,
        Command.BUILD,
        null,
        done::add,
        e -> {
          throw new AssertionError(e);
        });
    assertThat(done).hasSize(1);
    assertThat(vm.state("seed.s")).isEqualTo(NodeRunState.SUCCEEDED);
    assertThat(vm.state("model.m")).isEqualTo(NodeRunState.SUCCEEDED);
    assertThat(vm.state("test.unique_m_id")).isEqualTo(NodeRunState.TEST_PASSED);
    assertThat(vm.results().get("seed.s").rows()).isEqualTo(2);
    assertThat(vm.statusProperty().get()).startsWith("Run succeeded: 3 nodes");
  }

  @Test
  void aProjectErrorIsReportedWithoutARun() {
    Path p =
        ProjectFolder.sluice(dir, "r")
            .file("models/m.sql", "select * from {{ ref('nope') }}")
            .root();
    RunViewModel vm = new RunViewModel();
    RunService service =
        new RunService(Runnable::run, Runnable::run, vm, PipelineOptions.defaults());
    List<Throwable> errors = new ArrayList<>();
    service.start(
        p,
        Command.BUILD,
        null,
        s -> {
          throw new AssertionError("ran");
        },
        errors::add);
    assertThat(errors).hasSize(1);
    assertThat(vm.runningProperty().get()).isFalse();
    assertThat(vm.statusProperty().get()).contains("models/m.sql:1: ref('nope') does not match");
  }

  @Test
  void aRetriedNodeShowsItsFailedAttemptInTheLog() {
    RunViewModel vm = new RunViewModel();
    vm.apply(new RunEvent.RunStarted("r", "build", List.of("model.a"), Instant.now()));
    vm.apply(
        new RunEvent.NodeRetrying(
            "r", "model.a", 1, 3, "busy", java.time.Duration.ofSeconds(30), Instant.now()));
    assertThat(vm.log())
        .last()
        .isEqualTo("RETRY model.a: attempt 1 of 3 failed (busy); trying again in 30s");
  }
}
