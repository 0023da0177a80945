package dev.sluice.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.app.project.GraphLayout.Point;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArrowNavigationTest {
  // two columns: a source, then two models stacked, then a mart to the right of the lower one
  private final Map<String, Point> places =
      Map.of(
          "raw", new Point(0, 100),
          "stg_a", new Point(300, 0),
          "stg_b", new Point(300, 200),
          "mart", new Point(600, 220));

  @Test
  void rightGoesDownstreamToTheCardMostStraightAhead() {
    assertThat(ArrowNavigation.next(places, "raw", 1, 0)).isIn("stg_a", "stg_b");
    assertThat(ArrowNavigation.next(places, "stg_b", 1, 0)).isEqualTo("mart");
    assertThat(ArrowNavigation.next(places, "mart", -1, 0)).isEqualTo("stg_b");
  }

  @Test
  void upAndDownStayInTheColumnAndStopAtItsEnds() {
    assertThat(ArrowNavigation.next(places, "stg_a", 0, 1)).isEqualTo("stg_b");
    assertThat(ArrowNavigation.next(places, "stg_b", 0, -1)).isEqualTo("stg_a");
    assertThat(ArrowNavigation.next(places, "mart", 1, 0)).isNull();
    assertThat(ArrowNavigation.next(places, "nowhere", 1, 0)).isNull();
  }
}
