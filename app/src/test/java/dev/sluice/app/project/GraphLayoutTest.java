package dev.sluice.app.project;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GraphLayoutTest {
  @Test
  void layersRunLeftToRightAndNodesDoNotOverlap() {
    Map<String, GraphLayout.Point> p =
        GraphLayout.layout(
            List.of("seed", "stg", "mart", "test", "other"),
            List.of(
                new String[] {"seed", "stg"},
                new String[] {"stg", "mart"},
                new String[] {"mart", "test"}),
            180,
            56);
    assertThat(p.get("seed").x()).isLessThan(p.get("stg").x());
    assertThat(p.get("stg").x()).isLessThan(p.get("mart").x());
    assertThat(p.get("mart").x()).isLessThan(p.get("test").x());
    for (String a : p.keySet()) {
      for (String b : p.keySet()) {
        if (!a.equals(b)) {
          boolean apart =
              Math.abs(p.get(a).x() - p.get(b).x()) >= 180
                  || Math.abs(p.get(a).y() - p.get(b).y()) >= 56;
          assertThat(apart).as(a + " and " + b + " overlap").isTrue();
        }
      }
    }
  }
}
