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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The partial-parse cache never changes a result: after random edits to models, macros, vars, the
 * schema file, sluice.yml and environment variables, a parse through the cache gives exactly what a
 * parse without it gives, and it renders again no more than what an edit can reach.
 */
class ParseCacheTest {
  private static final int MODELS = 12;
  @TempDir Path dir;
  private final Map<String, String> env = new HashMap<>();

  private ProjectFolder write() {
    ProjectFolder p =
        new ProjectFolder(dir)
            .file(
                "sluice.yml", "name: cached\nvars:\n  factor: 2\nmodels:\n  +materialized: view\n")
            .file("sources/s.yml", "sources:\n  - name: app\n    tables: [{name: users}]\n")
            .file(
                "macros/m.sql",
                "{% macro times(x) %}{{ x }} * {{ var('factor') }}{% endmacro %}\n"
                    + "{% macro label() %}'plain'{% endmacro %}\n")
            .file("models/schema.yml", "models:\n  - name: m1\n    config:\n      alias: first\n")
            .file(
                "models/tests.yml",
                "models:\n  - name: m2\n    columns:\n      - name: id\n        tests:\n"
                    + "          - relationships: {to: ref('m1'), field: id}\n");
    for (int i = 0; i < MODELS; i++) {
      p.file("models/m" + i + ".sql", model(i, 0));
    }
    env.put("SLUICE_TEST_REGION", "eu");
    return p;
  }

  /** Model i in one of several shapes: refs, sources, macros, vars, env vars, config. */
  private static String model(int i, int shape) {
    String up = i == 0 ? "{{ source('app', 'users') }}" : "{{ ref('m" + (i - 1) + "') }}";
    return switch (shape % 5) {
      case 0 -> "select id, {{ times('id') }} as v from " + up + "\n";
      case 1 ->
          "{{ config(materialized='table', tags=['t" + i + "']) }}\nselect * from " + up + "\n";
      case 2 ->
          "select '{{ env_var('SLUICE_TEST_REGION', 'none') }}' as r, {{ label() }} as l from "
              + up
              + "\n";
      case 3 -> "select {{ var('factor') }} as f from " + up + "\n";
      default -> "select * from " + up + " where id > " + shape + "\n";
    };
  }

  private SourceFilesHolder live = new SourceFilesHolder();

  /** What a process that keeps parsing the folder holds between parses (the app's path). */
  private static final class SourceFilesHolder {
    final dev.sluice.core.project.SourceFiles files = new dev.sluice.core.project.SourceFiles();
    final ParseMemory memory = new ParseMemory();
  }

  /** A parse as the app does it: files and renderings kept in memory from the last one. */
  private Manifest parseLive() {
    Project project = new ProjectLoader(env, live.files).load(dir);
    Target target = project.settings().target(null);
    TemplateEngine engine = new TemplateEngine(project, target, env, Map.of(), "parse");
    return Manifest.of(project, engine, target, live.memory);
  }

  private Manifest parse(boolean cached) {
    Project project = new ProjectLoader(env).load(dir);
    Target target = project.settings().target(null);
    TemplateEngine engine = new TemplateEngine(project, target, env, Map.of(), "parse");
    return cached
        ? Manifest.of(project, engine, target)
        : Manifest.of(project, engine, target, ParseCache.NONE);
  }

  /** Everything a parse gives, as text: nodes with configs, renderings, problems and edges. */
  private static String result(Manifest m) {
    StringBuilder out = new StringBuilder();
    for (Node n : m.project().nodes()) {
      out.append(n).append('\n');
      out.append(m.dag().parents(n.uniqueId())).append('\n');
    }
    new TreeMap<>(m.parsed())
        .forEach((id, r) -> out.append(id).append(" => ").append(r).append('\n'));
    m.problems().forEach(p -> out.append(p).append('\n'));
    return out.toString();
  }

  private void edit(Random random) throws IOException {
    ProjectFolder p = new ProjectFolder(dir);
    switch (random.nextInt(7)) {
      case 0, 1 -> {
        int i = random.nextInt(MODELS);
        p.file("models/m" + i + ".sql", model(i, random.nextInt(10)));
      }
      case 2 ->
          p.file(
              "macros/m.sql",
              "{% macro times(x) %}{{ x }} * {{ var('factor') }} + "
                  + random.nextInt(3)
                  + "{% endmacro %}\n{% macro label() %}'l"
                  + random.nextInt(3)
                  + "'{% endmacro %}\n");
      case 3 ->
          p.file(
              "sluice.yml",
              "name: cached\nvars:\n  factor: "
                  + random.nextInt(4)
                  + "\nmodels:\n  +materialized: "
                  + (random.nextBoolean() ? "view" : "table")
                  + "\n");
      case 4 ->
          p.file(
              "models/schema.yml",
              "models:\n  - name: m"
                  + random.nextInt(MODELS)
                  + "\n    config:\n      alias: a"
                  + random.nextInt(3)
                  + "\n");
      case 5 -> env.put("SLUICE_TEST_REGION", random.nextBoolean() ? "eu" : "us");
      default -> {
        // a model appears or goes; refs to it break or mend
        Path extra = dir.resolve("models/m" + MODELS + ".sql");
        if (Files.exists(extra)) {
          Files.delete(extra);
        } else {
          p.file("models/m" + MODELS + ".sql", "select * from {{ ref('m3') }}\n");
        }
      }
    }
  }

  @Test
  void aCachedParseAlwaysEqualsAFreshOne() throws IOException {
    for (long seed = 1; seed <= 4; seed++) {
      Random random = new Random(seed);
      write();
      for (int round = 0; round < 12; round++) {
        edit(random);
        String fresh = result(parse(false));
        String cached = result(parse(true));
        assertThat(cached).as("seed %d, round %d", seed, round).isEqualTo(fresh);
        // and a second cached parse, now from the entries the first one wrote
        assertThat(result(parse(true))).as("seed %d, round %d again", seed, round).isEqualTo(fresh);
      }
    }
  }

  @Test
  void aParseFromMemoryAlwaysEqualsAFreshOne() throws IOException {
    for (long seed = 1; seed <= 4; seed++) {
      Random random = new Random(seed);
      write();
      live = new SourceFilesHolder();
      parseLive();
      for (int round = 0; round < 16; round++) {
        edit(random);
        String fresh = result(parse(false));
        assertThat(result(parseLive())).as("seed %d, round %d", seed, round).isEqualTo(fresh);
        assertThat(result(parseLive())).as("seed %d, round %d again", seed, round).isEqualTo(fresh);
      }
    }
  }

  @Test
  void fromMemoryAnEditToOneModelRendersOnlyThatModelAndAMacroEditRendersAll() throws IOException {
    write();
    parseLive();
    Manifest again = parseLive();
    assertThat(live.memory.rendered()).isZero();
    new ProjectFolder(dir).file("models/m5.sql", model(5, 3));
    again = parseLive();
    assertThat(live.memory.rendered()).isEqualTo(1);
    assertThat(again.parsed().get("model.m5").sql()).contains("select 2 as f");
    new ProjectFolder(dir).file("models/m6.sql", model(6, 4));
    again = parseLive();
    assertThat(live.memory.rendered()).as("the static shape renders without Jinja").isZero();
    assertThat(again.parsed().get("model.m6").sql()).contains("where id > 4");
    assertThat(result(again)).isEqualTo(result(parse(false)));
    again = parseLive();
    assertThat(live.memory.rendered()).isZero();
    assertThat(result(again)).isEqualTo(result(parse(false)));
    // a macro the models call changes: every model renders again, and says the new thing
    Path macros = dir.resolve("macros/m.sql");
    Files.writeString(macros, Files.readString(macros).replace("'plain'", "'changed'"));
    again = parseLive();
    assertThat(live.memory.rendered()).isGreaterThanOrEqualTo(MODELS - 1);
    assertThat(result(again)).isEqualTo(result(parse(false)));
    // so does a var, and an environment variable reaches the models that read it
    Path yml = dir.resolve("sluice.yml");
    Files.writeString(yml, Files.readString(yml).replace("factor: 2", "factor: 7"));
    assertThat(parseLive().parsed().get("model.m0").sql()).contains("id * 7");
    env.put("SLUICE_TEST_REGION", "moon");
    new ProjectFolder(dir).file("models/m3.sql", model(3, 2));
    Manifest moon = parseLive();
    assertThat(moon.parsed().get("model.m3").sql()).contains("'moon'");
    assertThat(result(moon)).isEqualTo(result(parse(false)));
  }

  @Test
  void aFileRewrittenWithTheSameSizeAndTimeIsStillReadAgainWhileItsTimeIsRecent()
      throws IOException {
    write();
    Path f = dir.resolve("models/m4.sql");
    Files.writeString(f, "select 1 as a from {{ ref('m3') }}\n");
    java.nio.file.attribute.FileTime t = Files.getLastModifiedTime(f);
    parseLive();
    Files.writeString(f, "select 2 as a from {{ ref('m3') }}\n"); // same size
    Files.setLastModifiedTime(f, t); // and the same time, as a coarse file system gives
    assertThat(parseLive().parsed().get("model.m4").sql()).contains("select 2");
  }

  @Test
  void aLineCutShortAtTheEndOfTheFileIsIgnoredAndAnEditAddsOneLine() throws IOException {
    write();
    String fresh = result(parse(false));
    parse(true);
    Path file = dir.resolve("target/partial_parse.json");
    long lines = Files.readAllLines(file).size();
    new ProjectFolder(dir).file("models/m7.sql", model(7, 3));
    String edited = result(parse(false));
    assertThat(result(parse(true))).isEqualTo(edited);
    assertThat(Files.readAllLines(file))
        .as("one line added, not the file rewritten")
        .hasSize((int) lines + 1);
    // a process stopped while adding a line
    Files.writeString(
        file,
        "{\"id\":\"model.m2\",\"entry\":{\"key\":\"ab",
        java.nio.file.StandardOpenOption.APPEND);
    assertThat(result(parse(true))).isEqualTo(edited);
    assertThat(fresh).isNotEqualTo(edited);
  }

  @Test
  void anEditToOneModelRendersOnlyThatModel() throws IOException {
    write();
    Manifest first = parse(true);
    Path file = dir.resolve("target/partial_parse.json");
    assertThat(file).isRegularFile();
    new ProjectFolder(dir).file("models/m5.sql", model(5, 4));
    Project project = new ProjectLoader(env).load(dir);
    Target target = project.settings().target(null);
    TemplateEngine engine = new TemplateEngine(project, target, env, Map.of(), "parse");
    ParseCache cache = ParseCache.open(project, engine);
    Manifest again = Manifest.of(project, engine, target, cache);
    assertThat(cache.misses()).as("m5 is now of the static shape: rendered without Jinja").isZero();
    assertThat(cache.statics()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(MODELS - 1);
    assertThat(again.parsed().get("model.m5").sql()).contains("where id > 4");
    new ProjectFolder(dir).file("models/m6.sql", model(6, 3));
    project = new ProjectLoader(env).load(dir);
    engine = new TemplateEngine(project, target, env, Map.of(), "parse");
    cache = ParseCache.open(project, engine);
    again = Manifest.of(project, engine, target, cache);
    assertThat(cache.misses()).isEqualTo(1);
    assertThat(cache.hits()).isEqualTo(MODELS - 2);
    assertThat(again.parsed().get("model.m6").sql()).contains("select 2 as f");
    assertThat(again.parsed().get("model.m6").refs()).containsExactly("m5");
    assertThat(first.parsed().keySet()).isEqualTo(again.parsed().keySet());
  }

  @Test
  void aMacroOrVarChangeRendersEverythingAgain() throws IOException {
    write();
    parse(true);
    // file, text replaced, by what, and what m0's SQL then holds
    List<String[]> edits = new ArrayList<>();
    edits.add(new String[] {"sluice.yml", "factor: 2", "factor: 3", "id * 3"});
    edits.add(new String[] {"macros/m.sql", "{{ var('factor') }}", "4", "id * 4"});
    for (String[] edit : edits) {
      String edited = edit[0];
      Path f = dir.resolve(edited);
      Files.writeString(f, Files.readString(f).replace(edit[1], edit[2]));
      Project project = new ProjectLoader(env).load(dir);
      Target target = project.settings().target(null);
      TemplateEngine engine = new TemplateEngine(project, target, env, Map.of(), "parse");
      ParseCache cache = ParseCache.open(project, engine);
      Manifest m = Manifest.of(project, engine, target, cache);
      assertThat(cache.hits()).as(edited).isZero();
      assertThat(m.parsed().get("model.m0").sql()).as(edited).contains(edit[3]);
    }
  }
}
