package dev.sluice.core.orchestrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AutomationProblemsTest {
  @TempDir Path dir;

  private List<String> problems(String yaml) {
    ProjectFolder.sluice(dir, "x")
        .file("models/orders.sql", "select 1 as id")
        .file(
            "sources/shop.yml", "sources:\n  - name: shop_db\n    tables:\n      - name: orders\n")
        .file("schedules/bad.yml", yaml);
    Manifest m = Pipeline.parse(dir, PipelineOptions.defaults());
    return AutomationReader.read(m).problems().stream().map(ProjectProblem::toString).toList();
  }

  @Test
  void anInvalidCronExpressionNamesFileAndLine() {
    assertThat(problems("schedules:\n  - name: a\n    cron: \"61 * * * *\"\n"))
        .singleElement()
        .asString()
        .startsWith("schedules/bad.yml:3: schedule a: invalid cron expression '61 * * * *'");
  }

  @Test
  void anUnknownTimeZoneNamesFileAndLine() {
    assertThat(
            problems(
                "schedules:\n  - name: a\n    cron: \"0 2 * * *\"\n    timezone: Mars/Olympus\n"))
        .containsExactly(
            "schedules/bad.yml:4: schedule a: unknown time zone 'Mars/Olympus'; use a name such as"
                + " Europe/Berlin or UTC");
  }

  @Test
  void aSensorOnAMissingSourceNamesFileAndLine() {
    assertThat(
            problems("sensors:\n  - {name: q, kind: query, source: nowhere, sql: \"select 1\"}\n"))
        .containsExactly(
            "schedules/bad.yml:2: sensor q: no source named 'nowhere' in this project");
  }

  @Test
  void aSelectionThatMatchesNothingNamesFileAndLine() {
    assertThat(problems("schedules:\n  - {name: a, cron: \"0 2 * * *\", select: tag:nothing}\n"))
        .containsExactly(
            "schedules/bad.yml:2: schedule a: the selector 'tag:nothing' matches nothing");
  }

  @Test
  void twoAutomationsWithOneNameAreRefused() {
    assertThat(
            problems(
                "schedules:\n  - {name: a, cron: \"0 2 * * *\"}\n  - {name: a, cron: \"0 3 * * *\"}\n"))
        .singleElement()
        .asString()
        .contains("schedules/bad.yml:3: schedule a: the name is already used");
  }

  @Test
  void aSecondServeForTheSameProjectIsRefusedNamingTheHolder() {
    try (ServeLock held = ServeLock.acquire(dir.resolve("target"))) {
      org.assertj.core.api.Assertions.assertThatThrownBy(
              () -> ServeLock.acquire(dir.resolve("target")))
          .hasMessageContaining(
              "another sluice serve is running for this project (pid "
                  + ProcessHandle.current().pid());
    }
    ServeLock.acquire(dir.resolve("target")).close();
  }
}
