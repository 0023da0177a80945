package dev.sluice.app.graph;

import java.util.Arrays;

/**
 * Paints curves of one colour into a pixel buffer by hand: each curve cut into short straight
 * pieces, each piece filled span by span across its width, edges of the span softened by how much
 * of the pixel the line covers. For the graph's edges, hundreds of long curves of the same colour
 * and width, this is many times cheaper than the software renderer's general rasteriser, which
 * sorts every crossing of every sub-scanline; curves drawn over each other keep the stronger one.
 */
final class EdgeRaster {
  private final int width;
  private final int height;

  /** Coverage by pixel, 0 to 1 times the curve's own opacity. */
  private final float[] alpha;

  /** The rows painted since the last clear (none while {@code minRow > maxRow}). */
  private int minRow;

  private int maxRow = -1;

  EdgeRaster(int width, int height) {
    this.width = Math.max(1, width);
    this.height = Math.max(1, height);
    this.alpha = new float[this.width * this.height];
    this.minRow = this.height;
  }

  int width() {
    return width;
  }

  int height() {
    return height;
  }

  /** Clears what was painted: only the rows that were. */
  void clear() {
    if (minRow <= maxRow) {
      Arrays.fill(alpha, minRow * width, (maxRow + 1) * width, 0);
    }
    minRow = height;
    maxRow = -1;
  }

  /** The coverage of a pixel, for tests. */
  float at(int x, int y) {
    return alpha[y * width + x];
  }

  /**
   * A cubic curve from (x0, y0) to (x3, y3) with control points (x1, y1) and (x2, y2), in pixels,
   * {@code lineWidth} wide, at opacity {@code opacity}.
   */
  void cubic(
      double x0,
      double y0,
      double x1,
      double y1,
      double x2,
      double y2,
      double x3,
      double y3,
      double lineWidth,
      float opacity) {
    double pad = lineWidth + 2;
    if (Math.max(Math.max(x0, x1), Math.max(x2, x3)) < -pad
        || Math.min(Math.min(x0, x1), Math.min(x2, x3)) > width + pad
        || Math.max(Math.max(y0, y1), Math.max(y2, y3)) < -pad
        || Math.min(Math.min(y0, y1), Math.min(y2, y3)) > height + pad) {
      return; // the curve lies within its control points: wholly off the buffer
    }
    double length =
        Math.hypot(x1 - x0, y1 - y0) + Math.hypot(x2 - x1, y2 - y1) + Math.hypot(x3 - x2, y3 - y2);
    int pieces = (int) Math.max(4, Math.min(96, length / 12));
    double px = x0;
    double py = y0;
    for (int i = 1; i <= pieces; i++) {
      double t = (double) i / pieces;
      double u = 1 - t;
      double a = u * u * u;
      double b = 3 * u * u * t;
      double c = 3 * u * t * t;
      double d = t * t * t;
      double nx = a * x0 + b * x1 + c * x2 + d * x3;
      double ny = a * y0 + b * y1 + c * y2 + d * y3;
      line(px, py, nx, ny, lineWidth, opacity);
      px = nx;
      py = ny;
    }
  }

  /** A straight piece from (x0, y0) to (x1, y1), {@code lineWidth} wide. */
  void line(double x0, double y0, double x1, double y1, double lineWidth, float opacity) {
    double dx = x1 - x0;
    double dy = y1 - y0;
    if (Math.abs(dy) >= Math.abs(dx)) {
      // steep: row by row, a span across x whose width grows as the piece leans
      if (dy == 0) {
        return;
      }
      double half = lineWidth / 2 * Math.hypot(dx, dy) / Math.abs(dy);
      double slope = dx / dy;
      int from = (int) Math.floor(Math.min(y0, y1));
      int to = (int) Math.ceil(Math.max(y0, y1));
      for (int y = Math.max(0, from); y < Math.min(height, to); y++) {
        double cy = Math.max(Math.min(y + 0.5, Math.max(y0, y1)), Math.min(y0, y1));
        double cx = x0 + (cy - y0) * slope;
        span(y, cx, half, opacity, true);
      }
    } else {
      double half = lineWidth / 2 * Math.hypot(dx, dy) / Math.abs(dx);
      double slope = dy / dx;
      int from = (int) Math.floor(Math.min(x0, x1));
      int to = (int) Math.ceil(Math.max(x0, x1));
      for (int x = Math.max(0, from); x < Math.min(width, to); x++) {
        double cx = Math.max(Math.min(x + 0.5, Math.max(x0, x1)), Math.min(x0, x1));
        double cy = y0 + (cx - x0) * slope;
        span(x, cy, half, opacity, false);
      }
    }
  }

  /**
   * Covers the pixels of one row (or column) within {@code half} of {@code centre}, the two ends by
   * the share of the pixel inside.
   */
  private void span(int fixed, double centre, double half, float opacity, boolean row) {
    double lo = centre - Math.max(half, 0.5);
    double hi = centre + Math.max(half, 0.5);
    float thin = (float) Math.min(1, 2 * half); // a line under a pixel wide is fainter, not thinner
    int limit = row ? width : height;
    int a = (int) Math.max(0, Math.floor(lo));
    int b = (int) Math.min(limit - 1, Math.floor(hi));
    if (a > b) {
      return;
    }
    minRow = Math.min(minRow, row ? fixed : a);
    maxRow = Math.max(maxRow, row ? fixed : b);
    for (int i = a; i <= b; i++) {
      double cover = Math.min(i + 1, hi) - Math.max(i, lo);
      if (cover <= 0) {
        continue;
      }
      float v = (float) Math.min(1, cover) * thin * opacity;
      int at = row ? fixed * width + i : i * width + fixed;
      if (v > alpha[at]) {
        alpha[at] = v;
      }
    }
  }

  /**
   * The buffer as premultiplied BGRA bytes of one colour (r, g, b from 0 to 1), the layout the
   * canvas keeps its pixels in, so that handing them over is a copy.
   */
  byte[] pixels(double r, double g, double b, double opacity) {
    byte[] out = new byte[alpha.length * 4];
    double kb = b * opacity * 255; // rounded as Math.round does, for values that are not negative
    double kg = g * opacity * 255;
    double kr = r * opacity * 255;
    double ka = opacity * 255;
    int end = (maxRow + 1) * width; // only the rows painted: the rest stays transparent
    for (int i = minRow * width; i < end; i++) {
      float a = alpha[i];
      if (a > 0) {
        int o = 4 * i;
        out[o] = (byte) (int) (a * kb + 0.5);
        out[o + 1] = (byte) (int) (a * kg + 0.5);
        out[o + 2] = (byte) (int) (a * kr + 0.5);
        out[o + 3] = (byte) (int) (a * ka + 0.5);
      }
    }
    return out;
  }
}
