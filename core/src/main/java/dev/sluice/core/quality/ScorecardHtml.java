package dev.sluice.core.quality;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The scorecard as one self-contained HTML file: styles inline and charts as hand-drawn SVG, so it
 * opens from the file system with no network. Charts: score per table, the overall trend over
 * recent runs, a sparkline per table; then the checks not passing with sample rows.
 */
public final class ScorecardHtml {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

  private ScorecardHtml() {}

  public static String render(String project, Scorecard card, QualitySettings settings) {
    StringBuilder h = new StringBuilder();
    h.append("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Quality scorecard: ")
        .append(esc(project))
        .append("</title>\n<style>")
        .append(
            "body{font:14px/1.4 system-ui,sans-serif;margin:24px;color:#222;max-width:1100px}"
                + "h1{font-size:22px;margin:0 0 4px}h2{font-size:17px;margin:28px 0 8px}"
                + ".sub{color:#666}.badge{display:inline-block;padding:4px 12px;border-radius:14px;"
                + "color:#fff;font-weight:600;font-size:18px;margin:10px 0}"
                + ".good{background:#2e7d32}.fair{background:#f9a825;color:#222}.poor{background:#c62828}"
                + "table{border-collapse:collapse;margin:6px 0}td,th{border-bottom:1px solid #ddd;"
                + "padding:4px 10px;text-align:right}th{background:#f4f4f4}td.l,th.l{text-align:left}"
                + ".fail{color:#c62828;font-weight:600}.warn{color:#a66f00;font-weight:600}"
                + ".error{color:#6a1b9a;font-weight:600}.sample td{font:12px monospace}"
                + "svg text{font:12px system-ui,sans-serif;fill:#333}")
        .append("</style></head><body>\n");
    h.append("<h1>Quality scorecard: ").append(esc(project)).append("</h1>\n");
    if (card.tables().isEmpty()) {
      h.append("<p>No check results yet: run <code>sluice build</code> first.</p></body></html>\n");
      return h.toString();
    }
    h.append("<div class=\"sub\">")
        .append(card.tables().size())
        .append(" tables, ")
        .append(card.checks())
        .append(" checks, last recorded ")
        .append(WHEN.format(card.lastRecorded()))
        .append("</div>\n<div id=\"overall\" class=\"badge ")
        .append(card.grade())
        .append("\">Overall ")
        .append(Math.round(card.overall()))
        .append(" · ")
        .append(card.grade())
        .append("</div>\n");
    h.append("<h2>Score per table</h2>\n").append(barChart(card, settings));
    h.append("<h2>Overall score over the last runs</h2>\n").append(trendChart(card.trend()));
    h.append(
        "<h2>Tables</h2>\n<table id=\"tables\"><tr><th class=\"l\">table</th><th>overall</th>");
    for (Category c : Category.values()) {
      h.append("<th>").append(c.label()).append("</th>");
    }
    h.append("<th>checks</th><th class=\"l\">trend</th></tr>\n");
    for (Scorecard.TableScore t : card.tables()) {
      h.append("<tr><td class=\"l\">")
          .append(esc(t.name()))
          .append("</td><td><span class=\"badge ")
          .append(t.grade())
          .append("\" style=\"font-size:13px;margin:0;padding:1px 8px\">")
          .append(Math.round(t.overall()))
          .append("</span></td>");
      for (Category c : Category.values()) {
        Double v = t.categories().get(c);
        h.append("<td>").append(v == null ? "–" : Math.round(v)).append("</td>");
      }
      h.append("<td>")
          .append(t.checks().size())
          .append("</td><td class=\"l\">")
          .append(sparkline(t.trend()))
          .append("</td></tr>\n");
    }
    h.append("</table>\n");
    h.append(failing(card));
    h.append(
        "<h2>How scores are computed</h2><p class=\"sub\">A check that counts rows scores 100 ×"
            + " (1 − failing rows ÷ rows checked); a check with one verdict for the table"
            + " (row_count, recency, freshness, anomaly) scores 100, 50 when it warns, 0 when it"
            + " fails. A category is the mean of its checks, a table the weighted mean of its"
            + " categories, the project the mean of its tables. Good from "
            + Math.round(settings.good())
            + ", fair from "
            + Math.round(settings.fair())
            + ".</p>\n");
    h.append("</body></html>\n");
    return h.toString();
  }

  private static String barChart(Scorecard card, QualitySettings settings) {
    int rowH = 22;
    int label = 180;
    int plot = 600;
    int height = card.tables().size() * rowH + 30;
    StringBuilder s = new StringBuilder();
    s.append("<svg id=\"chart-tables\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(label + plot + 60)
        .append("\" height=\"")
        .append(height)
        .append("\" role=\"img\" aria-label=\"score per table\">\n");
    for (int g = 0; g <= 100; g += 25) {
      int x = label + plot * g / 100;
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"0\" x2=\"%d\" y2=\"%d\" stroke=\"#e5e5e5\"/>"
                  + "<text x=\"%d\" y=\"%d\" text-anchor=\"middle\">%d</text>\n",
              x,
              x,
              height - 20,
              x,
              height - 6,
              g));
    }
    int y = 4;
    for (Scorecard.TableScore t : card.tables()) {
      int w = (int) Math.round(plot * Math.max(0, Math.min(100, t.overall())) / 100.0);
      s.append(
          String.format(
              Locale.ROOT,
              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>"
                  + "<rect class=\"bar\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\">"
                  + "<title>%s: %d</title></rect><text x=\"%d\" y=\"%d\">%d</text>\n",
              label - 8,
              y + 14,
              esc(t.name()),
              label,
              y,
              Math.max(1, w),
              rowH - 6,
              color(settings.grade(t.overall())),
              esc(t.name()),
              Math.round(t.overall()),
              label + w + 6,
              y + 14,
              Math.round(t.overall())));
      y += rowH;
    }
    return s.append("</svg>\n").toString();
  }

  private static String trendChart(List<Scorecard.Point> points) {
    int w = 640;
    int hgt = 200;
    int left = 40;
    int bottom = 24;
    StringBuilder s = new StringBuilder();
    s.append("<svg id=\"chart-trend\" xmlns=\"http://www.w3.org/2000/svg\" width=\"")
        .append(w + left + 20)
        .append("\" height=\"")
        .append(hgt + bottom + 10)
        .append("\" role=\"img\" aria-label=\"overall score over runs\">\n");
    for (int g = 0; g <= 100; g += 25) {
      double y = 5 + hgt - hgt * g / 100.0;
      s.append(
          String.format(
              Locale.ROOT,
              "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#e5e5e5\"/>"
                  + "<text x=\"%d\" y=\"%.1f\" text-anchor=\"end\">%d</text>\n",
              left,
              y,
              left + w,
              y,
              left - 6,
              y + 4,
              g));
    }
    List<String> xy = new ArrayList<>();
    for (int i = 0; i < points.size(); i++) {
      double x = left + (points.size() == 1 ? w / 2.0 : w * i / (double) (points.size() - 1));
      double y = 5 + hgt - hgt * Math.max(0, Math.min(100, points.get(i).score())) / 100.0;
      xy.add(String.format(Locale.ROOT, "%.1f,%.1f", x, y));
    }
    s.append(
            "<polyline class=\"trend\" fill=\"none\" stroke=\"#1565c0\" stroke-width=\"2\" points=\"")
        .append(String.join(" ", xy))
        .append("\"/>\n");
    for (int i = 0; i < points.size(); i++) {
      String[] p = xy.get(i).split(",");
      s.append("<circle class=\"point\" cx=\"")
          .append(p[0])
          .append("\" cy=\"")
          .append(p[1])
          .append("\" r=\"4\" fill=\"#1565c0\"><title>run ")
          .append(i + 1)
          .append(" (")
          .append(WHEN.format(points.get(i).at()))
          .append("): ")
          .append(Math.round(points.get(i).score()))
          .append("</title></circle>\n");
    }
    s.append("<text x=\"")
        .append(left)
        .append("\" y=\"")
        .append(hgt + bottom)
        .append("\">oldest</text><text x=\"")
        .append(left + w)
        .append("\" y=\"")
        .append(hgt + bottom)
        .append("\" text-anchor=\"end\">newest</text>\n");
    return s.append("</svg>\n").toString();
  }

  /** A small line of a table's scores, 0 at the bottom and 100 at the top. */
  static String sparkline(List<Scorecard.Point> points) {
    int w = 90;
    int hgt = 18;
    StringBuilder pts = new StringBuilder();
    for (int i = 0; i < points.size(); i++) {
      double x = points.size() == 1 ? w / 2.0 : 2 + (w - 4) * i / (double) (points.size() - 1);
      double y = 1 + (hgt - 2) * (1 - Math.max(0, Math.min(100, points.get(i).score())) / 100.0);
      pts.append(String.format(Locale.ROOT, "%s%.1f,%.1f", i == 0 ? "" : " ", x, y));
    }
    String last = "";
    if (!points.isEmpty()) {
      String[] end = pts.substring(pts.lastIndexOf(" ") + 1).split(",");
      last = "<circle cx=\"" + end[0] + "\" cy=\"" + end[1] + "\" r=\"2.5\" fill=\"#1565c0\"/>";
    }
    return "<svg class=\"spark\" xmlns=\"http://www.w3.org/2000/svg\" width=\""
        + w
        + "\" height=\""
        + hgt
        + "\"><polyline fill=\"none\" stroke=\"#1565c0\" stroke-width=\"1.5\" points=\""
        + pts
        + "\"/>"
        + last
        + "</svg>";
  }

  private static String failing(Scorecard card) {
    StringBuilder s = new StringBuilder("<h2>Checks not passing</h2>\n");
    boolean any = false;
    for (Scorecard.TableScore t : card.tables()) {
      for (Scorecard.CheckScore c : t.failing()) {
        any = true;
        QualityHistory.CheckResult r = c.result();
        s.append("<div class=\"check\"><p><span class=\"")
            .append(r.status())
            .append("\">")
            .append(r.status().toUpperCase(Locale.ROOT))
            .append("</span> ")
            .append(esc(t.name()))
            .append(" · ")
            .append(esc(r.checkName()))
            .append(" · ")
            .append(r.category().label())
            .append(" · ")
            .append(esc(String.valueOf(r.message())))
            .append("</p>\n");
        s.append(sample(r.sample())).append("</div>\n");
      }
    }
    if (!any) {
      s.append("<p>Every check passes.</p>\n");
    }
    return s.toString();
  }

  private static String sample(List<Map<String, String>> rows) {
    if (rows.isEmpty()) {
      return "";
    }
    Set<String> cols = new LinkedHashSet<>();
    rows.forEach(r -> cols.addAll(r.keySet()));
    StringBuilder s = new StringBuilder("<table class=\"sample\"><tr>");
    cols.forEach(c -> s.append("<th class=\"l\">").append(esc(c)).append("</th>"));
    s.append("</tr>");
    for (Map<String, String> r : rows) {
      s.append("<tr>");
      cols.forEach(
          c ->
              s.append("<td class=\"l\">")
                  .append(r.get(c) == null ? "<i>null</i>" : esc(r.get(c)))
                  .append("</td>"));
      s.append("</tr>");
    }
    return s.append("</table>").toString();
  }

  private static String color(String grade) {
    return switch (grade) {
      case "good" -> "#2e7d32";
      case "fair" -> "#f9a825";
      default -> "#c62828";
    };
  }

  static String esc(String s) {
    return s.replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
