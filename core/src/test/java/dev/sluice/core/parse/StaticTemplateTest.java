package dev.sluice.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.project.Model;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.project.Target;
import dev.sluice.core.testing.ProjectFolder;
import dev.sluice.core.warehouse.Relations;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A template of the static shape renders without Jinja to exactly what Jinjava gives; every other
 * template is left to Jinjava.
 */
class StaticTemplateTest {
  @TempDir Path dir;

  /** The project the last {@link #engineFor} read. */
  private Project project;

  private TemplateEngine engineFor(String macros) {
    ProjectFolder p =
        new ProjectFolder(dir)
            .file("sluice.yml", "name: plain\nmodels:\n  +materialized: view\n")
            .file(
                "sources/s.yml",
                "sources:\n  - name: app\n    tables: [{name: users}, {name: orders}]\n")
            .file("models/a.sql", "select 1 as id\n")
            .file("models/b.sql", "select 2 as id\n")
            .file("models/spaced name.sql", "select 3 as id\n");
    if (macros != null) {
      p.file("macros/m.sql", macros);
    }
    project = new ProjectLoader(Map.of()).load(dir);
    return new TemplateEngine(
        project, project.settings().target(null), Map.of(), Map.of(), "parse");
  }

  private RenderRequest request(String template) {
    Target target = project.settings().target(null);
    return new RenderRequest(Model.adHoc(template), template, n -> Relations.of(n, target), false);
  }

  @Test
  void staticTemplatesRenderAsJinjavaRendersThem() {
    TemplateEngine engine = engineFor(null);
    List<String> statics =
        List.of(
            "select 1",
            "",
            "select '{' as brace, '}}' as close, '{x}' as json from t\n",
            "select * from {{ ref('a') }}\n",
            "select * from {{ref('a')}}",
            "select * from {{ ref(\"a\") }} join {{ ref('plain', 'b') }} using (id)\r\n",
            "select * from {{ ref('a') }} union all select * from {{ ref('a') }}\n\n\n",
            "select * from {{\n  ref(\n 'b' , )\n}}".replace(" , )", " )"),
            "select * from {{ source('app', 'users') }} join {{ source(\"app\",\"orders\") }}",
            "{{ config(materialized='table') }}\nselect * from {{ ref('b') }}\n",
            "{{ config(materialized = \"table\", enabled=true, full=False, n=3, tag='a-b c.d') }}\n"
                + "{{ config(materialized='view') }}select 1\n",
            "select * from {{ ref('spaced name') }}",
            "select 'é ü 😀' as u from {{ ref('a') }}  ",
            "-- a comment { with } braces\nselect * from {{ source('app','users') }}");
    for (String t : statics) {
      RenderRequest r = request(t);
      Rendered plain = engine.staticRendering(r);
      assertThat(plain).as(t).isNotNull();
      assertThat(plain).as(t).isEqualTo(engine.renderThroughJinjava(r));
    }
    List<String> others =
        List.of(
            "select {{ 1 + 1 }}",
            "select * from {{ ref('a') | upper }}",
            "select * from {{- ref('a') }}",
            "select * from {{ ref('a') -}}",
            "{# note #}select 1",
            "{% if true %}select 1{% endif %}",
            "select * from {{ ref('missing') }}",
            "select * from {{ source('app', 'nope') }}",
            "select * from {{ source('app') }}",
            "select * from {{ ref(name) }}",
            "select * from {{ ref('a', version=2) }}",
            "select * from {{ ref('a\\'b') }}",
            "select * from {{ ref('a').identifier }}",
            "{{ config(materialized=var('m')) }}select 1",
            "{{ config(tags=['a']) }}select 1",
            "{{ config(n=1.5) }}select 1",
            "{{ config(x=None) }}select 1",
            "{{ config('table') }}select 1",
            "{{ config() }}select 1",
            "{{ this }}",
            "select {{ var('x', 1) }}",
            "select * from {{ ref('a') }");
    for (String t : others) {
      assertThat(engine.staticRendering(request(t))).as(t).isNull();
    }
  }

  @Test
  void aMacroThatRedefinesRefLeavesEveryTemplateToJinjava() {
    TemplateEngine engine =
        engineFor("{% macro ref(name) %}{{ return(builtins.ref(name)) }}{% endmacro %}\n");
    assertThat(engine.staticRendering(request("select * from {{ ref('a') }}"))).isNull();
  }
}
