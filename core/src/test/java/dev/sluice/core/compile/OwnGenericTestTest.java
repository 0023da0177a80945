package dev.sluice.core.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.NodeResult;
import dev.sluice.core.run.NodeStatus;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.run.RunSummary;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A project's own generic test wins over Sluice's check of the same name: dbt projects (dbt-date's
 * integration tests among them) define their own {@code expression_is_true}, with Jinja in its
 * arguments.
 */
class OwnGenericTestTest {
  @TempDir Path dir;

  @Test
  void theProjectsOwnExpressionIsTrueRunsWithItsArgumentsRendered() {
    ProjectFolder project =
        ProjectFolder.sluice(dir, "own")
            .file(
                "macros/expression_is_true.sql",
                """
                {% test expression_is_true(model, expression) %}
                select * from {{ model }} where not ({{ expression }})
                {% endtest %}
                {% macro doubled(x) %}({{ x }} * 2){% endmacro %}
                """)
            .file("models/numbers.sql", "select 2 as n, 4 as twice")
            .file(
                "models/schema.yml",
                """
                models:
                  - name: numbers
                    data_tests:
                      - expression_is_true:
                          expression: "twice = {{ doubled('n') }}"
                """);
    try (Pipeline p = Pipeline.open(project.root(), PipelineOptions.defaults())) {
      RunSummary s = p.run(Command.BUILD, null, null, 1, false, RunListener.NONE);
      assertThat(s.results())
          .extracting(NodeResult::status)
          .as("%s", s.results())
          .containsExactlyInAnyOrder(NodeStatus.SUCCESS, NodeStatus.PASS);
    }
  }
}
