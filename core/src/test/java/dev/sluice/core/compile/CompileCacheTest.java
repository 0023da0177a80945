package dev.sluice.core.compile;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.project.Node;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.testing.ProjectFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The compile cache never changes a result: after random edits to models, macros, a package's
 * macro, vars, the schema file, sluice.yml and environment variables, what a compile through the
 * cache gives is exactly what a compile of a fresh copy of the project gives, and a compile after
 * an edit renders again only what the edit can reach.
 */
class CompileCacheTest {
  private static final int MODELS = 10;
  @TempDir Path dir;
  @TempDir Path copies;
  private final Map<String, String> env = new HashMap<>();
  private int copy;

  private void write() throws IOException {
    ProjectFolder p =
        new ProjectFolder(dir)
            .file(
                "sluice.yml", "name: cached\nvars:\n  factor: 2\nmodels:\n  +materialized: view\n")
            .file("sources/s.yml", "sources:\n  - name: app\n    tables: [{name: users}]\n")
            .file("macros/m.sql", macros(0))
            .file("dbt_packages/pkg/dbt_project.yml", "name: pkg\nversion: '1.0'\n")
            .file("dbt_packages/pkg/macros/p.sql", packageMacro(0))
            .file("models/schema.yml", "models:\n  - name: m1\n    config:\n      alias: first\n");
    for (int i = 0; i < MODELS; i++) {
      p.file("models/m" + i + ".sql", model(i, i % 7));
    }
    env.put("SLUICE_TEST_REGION", "eu");
  }

  private static String macros(int v) {
    return "{% macro times(x) %}{{ x }} * {{ var('factor') }} + "
        + v
        + "{% endmacro %}\n{% macro label() %}'l"
        + v
        + "'{% endmacro %}\n";
  }

  private static String packageMacro(int v) {
    return "{% macro shout(x) %}upper('{{ x }}-" + v + "'){% endmacro %}\n";
  }

  /** Model i in one of several shapes: refs, sources, macros, vars, env vars, config, ephemeral. */
  private static String model(int i, int shape) {
    String up = i == 0 ? "{{ source('app', 'users') }}" : "{{ ref('m" + (i - 1) + "') }}";
    return switch (shape % 7) {
      case 0 -> "select id, {{ times('id') }} as v from " + up + "\n";
      case 1 -> "{{ config(alias='t" + i + "') }}\nselect * from " + up + "\n";
      case 2 ->
          "select '{{ env_var('SLUICE_TEST_REGION', 'none') }}' as r, {{ label() }} as l from "
              + up
              + "\n";
      case 3 -> "select {{ var('factor') }} as f, {{ pkg.shout('x') }} as p from " + up + "\n";
      case 4 -> "{{ config(materialized='ephemeral') }}\nselect id from " + up + "\n";
      case 5 -> "select * from {{ ref('m" + Math.max(0, i - 2) + "') }} where id > " + i + "\n";
      default -> "select * from " + up + " where id > " + shape + "\n";
    };
  }

  private void edit(Random random) throws IOException {
    ProjectFolder p = new ProjectFolder(dir);
    switch (random.nextInt(8)) {
      case 0, 1 -> {
        int i = random.nextInt(MODELS);
        p.file("models/m" + i + ".sql", model(i, random.nextInt(14)));
      }
      case 2 -> p.file("macros/m.sql", macros(random.nextInt(3)));
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
      case 6 -> p.file("dbt_packages/pkg/macros/p.sql", packageMacro(random.nextInt(3)));
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

  /** What compiling every node gives, as text; through the cache in {@code dir} or without. */
  private String compile(Path project, boolean cached, int[] misses) {
    return compile(project, cached, misses, null);
  }

  /** As above, taking what {@code memo} kept from the compiles before when it is given. */
  private String compile(Path project, boolean cached, int[] misses, CompileMemo memo) {
    PipelineOptions options = PipelineOptions.defaults().withEnv(env);
    Manifest m;
    StringBuilder out = new StringBuilder();
    try (Pipeline p = Pipeline.openForCompiling(project, options, s -> {})) {
      m = p.manifest();
      Compiler compiler = p.compiler(false, "compile");
      if (!cached && memo == null) {
        compiler.renderingEverything(); // the baseline renders every template again
      }
      if (memo != null) {
        compiler.remembering(memo);
      }
      CompileCache cache = cached ? compiler.cacheIn(p.targetDir()) : CompileCache.NONE;
      for (String id : m.dag().topologicalOrder()) {
        Node n = m.node(id).orElseThrow();
        CompiledNode c = compiler.compile(n);
        out.append(id).append(" => ").append(c.sql()).append('\n');
        c.problems().stream().map(ProjectProblem::message).forEach(x -> out.append(x).append('\n'));
      }
      cache.retain(m.project().nodes().stream().map(Node::uniqueId).collect(Collectors.toSet()));
      cache.save();
      if (misses != null) {
        misses[0] = cache.misses();
      }
    } catch (dev.sluice.core.project.ProjectException e) {
      return "refused: " + e.getMessage();
    }
    return out.toString();
  }

  /** The project's files, without anything a compile left under target/, in a new folder. */
  private Path freshCopy() throws IOException {
    Path to = copies.resolve("copy" + copy++);
    try (Stream<Path> walk = Files.walk(dir)) {
      for (Path f : walk.filter(Files::isRegularFile).toList()) {
        Path rel = dir.relativize(f);
        if (rel.startsWith("target")) {
          continue;
        }
        Files.createDirectories(to.resolve(rel).getParent());
        Files.copy(f, to.resolve(rel));
      }
    }
    return to;
  }

  @Test
  void aCachedCompileAlwaysEqualsACompileOfAFreshCopy() throws IOException {
    for (long seed = 1; seed <= 3; seed++) {
      Random random = new Random(seed);
      write();
      compile(dir, true, null);
      for (int round = 0; round < 10; round++) {
        edit(random);
        String fresh = compile(freshCopy(), false, null);
        assertThat(fresh).as("seed %d, round %d", seed, round).doesNotStartWith("refused");
        assertThat(compile(dir, true, null)).as("seed %d, round %d", seed, round).isEqualTo(fresh);
        assertThat(compile(dir, true, null))
            .as("seed %d, round %d again", seed, round)
            .isEqualTo(fresh);
      }
    }
  }

  @Test
  void aCompileTakingWhatTheLastOnesKeptInMemoryAlwaysEqualsACompileOfAFreshCopy()
      throws IOException {
    int hits = 0;
    for (long seed = 1; seed <= 3; seed++) {
      Random random = new Random(seed);
      write();
      CompileMemo memo = new CompileMemo();
      compile(dir, false, null, memo);
      for (int round = 0; round < 12; round++) {
        edit(random);
        String fresh = compile(freshCopy(), false, null);
        assertThat(fresh).as("seed %d, round %d", seed, round).doesNotStartWith("refused");
        assertThat(compile(dir, true, null, memo))
            .as("seed %d, round %d", seed, round)
            .isEqualTo(fresh);
      }
      hits += memo.hits();
    }
    assertThat(hits).as("the static models were taken from memory").isGreaterThan(20);
  }

  @Test
  void aNodeTakenFromMemoryPrintsWhereItsRefsAreNow() throws IOException {
    ProjectFolder p =
        new ProjectFolder(dir)
            .file("sluice.yml", "name: kept\n")
            .file("models/a.sql", "select 1 as id\n")
            .file("models/b.sql", "select * from {{ ref('a') }}\n")
            .file("models/c.sql", "select * from {{ ref('b') }}\n");
    CompileMemo memo = new CompileMemo();
    assertThat(compile(dir, false, null, memo)).contains("\"main\".\"a\"");
    assertThat(memo.hits()).isZero();
    p.file("models/schema.yml", "models:\n  - name: a\n    config:\n      alias: moved\n");
    String after = compile(dir, false, null, memo);
    assertThat(after).contains("model.b => select * from \"main\".\"moved\"");
    assertThat(memo.hits()).as("c, whose ref did not move").isEqualTo(1);
    // a macro that redefines ref() changes the fingerprint: nothing kept is taken
    p.file("macros/r.sql", "{% macro ref(name) %}kept_{{ name }}{% endmacro %}\n");
    assertThat(compile(dir, false, null, memo)).contains("model.c => select * from kept_b");
    p.file("macros/r.sql", "\n");
    p.file("models/a.sql", "{{ config(materialized='ephemeral') }} select 2 as id\n");
    assertThat(compile(dir, false, null, memo)).contains("as (\nselect 2 as id");
  }

  @Test
  void anEditRendersTheEditedModelAndWhatInlinesItAndAMacroEditRendersAll() throws IOException {
    write();
    int[] misses = new int[1];
    // the shapes of literal refs, sources and config alone render without Jinja, never cached
    int templated =
        (int)
            java.util.stream.IntStream.range(0, MODELS)
                .filter(i -> i % 7 == 0 || i % 7 == 2 || i % 7 == 3)
                .count();
    compile(dir, true, misses);
    assertThat(misses[0]).isEqualTo(templated);
    compile(dir, true, misses);
    assertThat(misses[0]).isZero();
    new ProjectFolder(dir).file("models/m7.sql", model(7, 3));
    compile(dir, true, misses);
    assertThat(misses[0]).isEqualTo(1);
    // m4 is ephemeral: m5 inlines it, so its SQL changes with m4's while m5 is kept as it was
    new ProjectFolder(dir).file("models/m4.sql", model(4, 4).replace("select id", "select id, 4"));
    String both = compile(dir, true, misses);
    assertThat(misses[0]).as("m4 is of the static shape").isZero();
    assertThat(both).isEqualTo(compile(freshCopy(), false, null));
    assertThat(both).contains("select id, 4 from");
    new ProjectFolder(dir).file("macros/m.sql", macros(1));
    compile(dir, true, misses);
    assertThat(misses[0]).isEqualTo(templated);
  }

  @Test
  void aTemplateOfOnlyRefsAndSourcesCompilesToWhatRenderingItGives() throws IOException {
    new ProjectFolder(dir)
        .file("sluice.yml", "name: plain\nmodels:\n  +materialized: view\n")
        .file("sources/s.yml", "sources:\n  - name: app\n    tables: [{name: users}]\n")
        .file("models/a.sql", "select 1 as id")
        .file("models/b.sql", "select * from {{ref('a')}} -- { not jinja }\n\n")
        .file(
            "models/c.sql",
            "select * from {{ ref(\"b\") }} join {{ ref('plain', 'a') }} using (id)\n")
        .file("models/d.sql", "select * from {{ source('app', 'users') }}\n  \n")
        .file(
            "models/e.sql",
            "{{ config(materialized='ephemeral') }}\nselect id from {{ ref('a') }}\n")
        .file("models/f.sql", "select * from {{ ref('e') }}\n")
        .file("models/g.sql", "{{ config(alias='moved') }}\nselect 2 as id\n")
        .file("models/h.sql", "select * from {{ ref('g') }}, {{- ref('a') }}\n")
        .file("models/i.sql", "select * from {{ ref('g') }}\n")
        .file(
            "models/j.sql", "select '{{ ref(\"a\") }}' as s, {{ 'x' }} as t from {{ ref('a') }}\n");
    String full = compile(dir, false, null);
    assertThat(full).doesNotStartWith("refused").contains("\"moved\"");
    assertThat(compile(dir, true, null)).isEqualTo(full);
    assertThat(compile(dir, true, null)).isEqualTo(full);
  }

  @Test
  void whatReadsTheClockOrTheWarehouseIsRenderedEveryTime() throws IOException {
    write();
    new ProjectFolder(dir)
        .file("macros/when.sql", "{% macro stamp() %}'{{ run_started_at }}'{% endmacro %}\n")
        .file("models/clock.sql", "select {{ stamp() }} as at\n")
        .file(
            "models/asks.sql",
            "select {% if execute %}{{ run_query('select 42 as x').rows[0][0] }}"
                + "{% else %}0{% endif %} as n\n");
    int[] misses = new int[1];
    String first = compile(dir, true, misses);
    assertThat(first).contains("select 42 as n");
    String second = compile(dir, true, misses);
    assertThat(misses[0]).as("the clock and the warehouse asked again").isEqualTo(2);
    String at = "model.clock => ";
    assertThat(line(second, at)).isNotEqualTo(line(first, at));
  }

  private static String line(String text, String prefix) {
    return text.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow();
  }

  @Test
  void aCacheFileThatCannotBeReadIsIgnored() throws IOException {
    write();
    String fresh = compile(freshCopy(), false, null);
    compile(dir, true, null);
    Path file = dir.resolve("target/" + CompileCache.FILE);
    assertThat(file).isRegularFile();
    Files.writeString(
        file,
        "{\"id\":\"model.m2\",\"entry\":{\"key\":\"ab",
        java.nio.file.StandardOpenOption.APPEND);
    assertThat(compile(dir, true, null)).isEqualTo(fresh);
    Files.writeString(file, "not json at all");
    assertThat(compile(dir, true, null)).isEqualTo(fresh);
  }
}
