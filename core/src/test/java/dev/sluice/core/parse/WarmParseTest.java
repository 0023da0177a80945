package dev.sluice.core.parse;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.project.Node;
import dev.sluice.core.project.Project;
import dev.sluice.core.project.ProjectLoader;
import dev.sluice.core.project.Target;
import dev.sluice.core.testing.ProjectFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A parse answered wholly by {@code target/partial_parse.json} sets up no template engine, and
 * still gives exactly what a parse without the cache gives: macro problems, the project's own
 * {@code generate_schema_name}, custom materializations and test arguments included.
 */
class WarmParseTest {
  @TempDir Path dir;

  private ProjectFolder project() {
    return new ProjectFolder(dir)
        .file("sluice.yml", "name: warm\n")
        .file("macros/m.sql", "{% macro twice(x) %}{{ x }} * 2{% endmacro %}\n")
        .file("models/a.sql", "select 1 as id, {{ twice('1') }} as v\n")
        .file("models/b.sql", "select * from {{ ref('a') }}\n")
        .file(
            "models/schema.yml",
            "models:\n  - name: b\n    columns:\n      - name: id\n        tests:\n"
                + "          - relationships: {to: ref('a'), field: id}\n");
  }

  /** The engine of the last {@link #parse}. */
  private TemplateEngine engine;

  private Manifest parse(boolean cached) {
    Project p = new ProjectLoader(Map.of()).load(dir);
    Target target = p.settings().target(null);
    engine = new TemplateEngine(p, target, Map.of(), Map.of(), "parse");
    return cached
        ? Manifest.of(p, engine, target)
        : Manifest.of(p, engine, target, ParseCache.NONE);
  }

  private static String result(Manifest m) {
    StringBuilder out = new StringBuilder();
    for (Node n : m.project().nodes()) {
      out.append(n).append('\n').append(m.dag().parents(n.uniqueId())).append('\n');
    }
    new TreeMap<>(m.parsed()).forEach((id, r) -> out.append(id).append(" => ").append(r));
    m.problems().forEach(p -> out.append(p).append('\n'));
    return out.toString();
  }

  @Test
  void aParseFromTheCacheStartsNoJinjavaAndEqualsAFreshOne() {
    project();
    String fresh = result(parse(false));
    assertThat(engine.jinjavaStarted()).isTrue();
    assertThat(result(parse(true))).isEqualTo(fresh);
    assertThat(engine.jinjavaStarted()).as("the first cached parse renders").isTrue();
    assertThat(result(parse(true))).isEqualTo(fresh);
    assertThat(engine.jinjavaStarted()).as("every node and test argument from the file").isFalse();
    // the relationships test still depends on what its argument names
    assertThat(parse(true).dag().parents("test.relationships_b_id__ref_a__id")).contains("model.a");
  }

  @Test
  void aBrokenMacroIsReportedOnEveryParseAndAFixedOneStopsBeingSo() throws IOException {
    project().file("macros/broken.sql", "{% macro oops() %}{% if %}x{% endmacro %}\n");
    String fresh = result(parse(false));
    assertThat(fresh).contains("macros/broken.sql");
    parse(true);
    assertThat(result(parse(true))).isEqualTo(fresh);
    assertThat(engine.jinjavaStarted()).as("macros with problems are read every time").isTrue();
    Files.delete(dir.resolve("macros/broken.sql"));
    String mended = result(parse(false));
    assertThat(mended).doesNotContain("macros/broken.sql");
    assertThat(result(parse(true))).isEqualTo(mended);
    assertThat(result(parse(true))).isEqualTo(mended);
    assertThat(engine.jinjavaStarted()).isFalse();
  }

  @Test
  void theProjectsOwnSchemaNamingAndCustomMaterializationsStillApply() {
    project()
        .file(
            "macros/naming.sql",
            "{% macro generate_schema_name(custom, node) %}s_{{ node.name }}{% endmacro %}\n"
                + "{% materialization odd, default %}select 1{% endmaterialization %}\n")
        .file("models/c.sql", "{{ config(materialized='odd') }}\nselect 3 as id\n");
    String fresh = result(parse(false));
    assertThat(fresh).contains("target_schema=s_a").contains("custom materialization 'odd'");
    parse(true);
    assertThat(result(parse(true))).isEqualTo(fresh);
    assertThat(result(parse(true))).isEqualTo(fresh);
  }

  @Test
  void aFileWhoseHeaderDoesNotSayWhetherTheMacrosReadCleanlyGetsOneOnce() throws IOException {
    project();
    String fresh = result(parse(false));
    parse(true);
    Path file = dir.resolve("target/partial_parse.json");
    String text = Files.readString(file);
    assertThat(text.lines().findFirst().orElseThrow()).contains("\"cleanMacros\":true");
    // as the file was before the header said it
    Files.writeString(file, text.replaceFirst(",\"cleanMacros\":true", ""));
    assertThat(result(parse(true))).isEqualTo(fresh);
    assertThat(engine.jinjavaStarted()).isTrue();
    assertThat(Files.readString(file).lines().findFirst().orElseThrow())
        .contains("\"cleanMacros\":true");
    assertThat(result(parse(true))).isEqualTo(fresh);
    assertThat(engine.jinjavaStarted()).isFalse();
  }
}
