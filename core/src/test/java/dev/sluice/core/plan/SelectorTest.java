package dev.sluice.core.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.core.parse.Manifest;
import dev.sluice.core.testing.ProjectFolder;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SelectorTest {
  @TempDir Path dir;
  Manifest m;

  @BeforeEach
  void chain() {
    // a -> b -> c -> d, and x alone; b tagged nightly
    m =
        Manifest.of(
            ProjectFolder.sluice(dir, "x")
                .file("models/staging/a.sql", "select 1 as id")
                .file(
                    "models/staging/b.sql",
                    "{{ config(tags=['nightly']) }} select * from {{ ref('a') }}")
                .file("models/marts/c.sql", "select * from {{ ref('b') }}")
                .file("models/marts/d.sql", "select * from {{ ref('c') }}")
                .file("models/x.sql", "select 2")
                .load());
  }

  private static String[] ids(String... names) {
    String[] out = new String[names.length];
    for (int i = 0; i < names.length; i++) {
      out[i] = "model." + names[i];
    }
    return out;
  }

  @Test
  void graphOperatorsWalkUpAndDown() {
    assertThat(Selector.select(m, "c", null)).containsExactlyInAnyOrder(ids("c"));
    assertThat(Selector.select(m, "+c", null)).containsExactlyInAnyOrder(ids("a", "b", "c"));
    assertThat(Selector.select(m, "b+", null)).containsExactlyInAnyOrder(ids("b", "c", "d"));
    assertThat(Selector.select(m, "1+c", null)).containsExactlyInAnyOrder(ids("b", "c"));
    assertThat(Selector.select(m, "b+1", null)).containsExactlyInAnyOrder(ids("b", "c"));
  }

  @Test
  void methodsUnionsIntersectionsAndExcludes() {
    assertThat(Selector.select(m, "tag:nightly", null)).containsExactlyInAnyOrder(ids("b"));
    assertThat(Selector.select(m, "path:models/marts", null))
        .containsExactlyInAnyOrder(ids("c", "d"));
    assertThat(Selector.select(m, "a x", null)).containsExactlyInAnyOrder(ids("a", "x"));
    assertThat(Selector.select(m, "+d,path:models/staging", null))
        .containsExactlyInAnyOrder(ids("a", "b"));
    assertThat(Selector.select(m, "a+", "d")).containsExactlyInAnyOrder(ids("a", "b", "c"));
    assertThat(Selector.select(m, null, "path:models/marts"))
        .containsExactlyInAnyOrder(ids("a", "b", "x"));
    assertThat(Selector.select(m, "*", null)).hasSize(5);
  }

  @Test
  void selectorThatMatchesNothingIsAnError() {
    assertThatThrownBy(() -> Selector.select(m, "nope", null))
        .hasMessageContaining("'nope' matches nothing");
  }
}
