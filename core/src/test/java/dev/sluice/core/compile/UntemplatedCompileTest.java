package dev.sluice.core.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.project.Model;
import dev.sluice.core.project.NodeConfig;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.warehouse.Relations;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQL with no Jinja compiles without the project to what the template engine makes of it. */
class UntemplatedCompileTest {
  @TempDir Path dir;

  @Test
  void plainSqlCompilesAsTheEngineCompilesIt() {
    ProjectFolder f = ProjectFolder.sluice(dir, "u").file("models/a.sql", "select 1 as x");
    List<String> queries =
        List.of(
            "select 1 as n",
            "  select 1 as n ;;  \n",
            "select {'a': {'b': 1}} as s",
            "select '}' as brace -- a comment\n",
            "select 1; select 2",
            "");
    try (Pipeline p = Pipeline.openForReading(f.root(), PipelineOptions.defaults(), s -> {})) {
      for (String sql : queries) {
        assertThat(Compiler.untemplated(sql)).as(sql).isTrue();
        Model m = new Model("query", Path.of("<query>"), sql, "", NodeConfig.EMPTY, "", List.of());
        CompiledNode viaEngine = p.compiler(false, "query").compile(m);
        CompiledNode plain = Compiler.compileUntemplated(m, Relations.of(m, p.target()));
        assertThat(plain.sql()).as(sql).isEqualTo(viaEngine.sql());
        assertThat(plain.ok()).as(sql).isEqualTo(viaEngine.ok());
        assertThat(plain.problems()).as(sql).isEqualTo(viaEngine.problems());
      }
    }
    assertThat(Compiler.untemplated("select {{ 1 }}")).isFalse();
    assertThat(Compiler.untemplated("select 1 {% if true %}{% endif %}")).isFalse();
    assertThat(Compiler.untemplated("select 1 {# note #}")).isFalse();
  }
}
