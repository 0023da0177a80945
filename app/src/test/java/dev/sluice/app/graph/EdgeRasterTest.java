package dev.sluice.app.graph;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The hand-painted edges: where a curve goes its pixels are covered, and nowhere else. */
class EdgeRasterTest {
  @Test
  void aLineCoversItsPixelsAndNothingFarFromIt() {
    EdgeRaster r = new EdgeRaster(100, 60);
    r.line(10, 30.5, 90, 30.5, 3, 1f);
    for (int x = 11; x < 89; x++) {
      assertThat(r.at(x, 30)).as("on the line at x=%d", x).isEqualTo(1f);
      assertThat(r.at(x, 25)).as("five pixels off it").isZero();
      assertThat(r.at(x, 36)).isZero();
    }
    assertThat(r.at(5, 30)).as("before its start").isZero();
    assertThat(r.at(95, 30)).as("after its end").isZero();
  }

  @Test
  void aSteepCurveLeavesNoGapAndADimmedOneIsFainter() {
    EdgeRaster r = new EdgeRaster(200, 400);
    // as the graph draws an edge: horizontal at both ends, steep in the middle
    r.cubic(20, 10, 100, 10, 60, 390, 180, 390, 1.4, 1f);
    for (int y = 11; y < 389; y++) {
      float most = 0;
      for (int x = 0; x < 200; x++) {
        most = Math.max(most, r.at(x, y));
      }
      assertThat(most).as("row %d is crossed", y).isGreaterThan(0.3f);
    }
    EdgeRaster dim = new EdgeRaster(200, 400);
    dim.cubic(20, 10, 100, 10, 60, 390, 180, 390, 1.4, 0.15f);
    assertThat(dim.at(20, 10)).isLessThanOrEqualTo(0.15f).isLessThan(r.at(20, 10));
  }

  @Test
  void curvesOffTheBufferPaintNothingAndOverlapsKeepTheStronger() {
    EdgeRaster r = new EdgeRaster(50, 50);
    r.cubic(-500, -500, -400, -500, -300, -200, -100, -200, 2, 1f);
    r.line(60, -10, 900, 900, 2, 1f);
    for (int y = 0; y < 50; y++) {
      for (int x = 0; x < 50; x++) {
        assertThat(r.at(x, y)).isZero();
      }
    }
    r.line(0, 25.5, 50, 25.5, 2, 0.15f);
    r.line(0, 25.5, 50, 25.5, 2, 1f);
    r.line(0, 25.5, 50, 25.5, 2, 0.15f);
    assertThat(r.at(25, 25)).isEqualTo(1f);
    byte[] px = r.pixels(1, 0, 0, 1);
    int at = 4 * (25 * 50 + 25);
    assertThat(px[at + 3] & 0xff).as("alpha").isEqualTo(255);
    assertThat(px[at + 2] & 0xff).as("red, premultiplied").isEqualTo(255);
    assertThat(px[at] & 0xff).as("blue").isZero();
    assertThat(px[3]).as("an empty pixel is transparent").isZero();
  }

  @Test
  void aClearForgetsEveryPaintedRowAndThePixelsFollowTheCoverage() {
    EdgeRaster r = new EdgeRaster(60, 40);
    r.line(5, 2, 5, 38, 1.4, 1f); // steep: rows 2 to 37
    r.line(0, 20.5, 60, 20.5, 1.4, 0.5f); // flat: across row 20
    r.clear();
    for (int y = 0; y < 40; y++) {
      for (int x = 0; x < 60; x++) {
        assertThat(r.at(x, y)).isZero();
      }
    }
    r.line(10, 30.5, 50, 30.5, 1.4, 0.5f);
    byte[] px = r.pixels(0.2, 0.4, 0.6, 0.8);
    for (int y = 0; y < 40; y++) {
      for (int x = 0; x < 60; x++) {
        int o = 4 * (y * 60 + x);
        assertThat(px[o + 3] & 0xff)
            .as("alpha at %d, %d", x, y)
            .isEqualTo((int) Math.round(r.at(x, y) * 0.8 * 255));
        assertThat(px[o + 1] & 0xff)
            .as("green at %d, %d", x, y)
            .isBetween(
                (int) Math.round(r.at(x, y) * 0.8 * 0.4 * 255) - 1,
                (int) Math.round(r.at(x, y) * 0.8 * 0.4 * 255) + 1);
      }
    }
    assertThat(px[4 * (30 * 60 + 30) + 3] & 0xff).as("the line drawn after the clear").isPositive();
  }
}
