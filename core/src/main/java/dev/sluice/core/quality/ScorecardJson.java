package dev.sluice.core.quality;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;

/** The scorecard for machines: every number the text shows, with each check behind it. */
public final class ScorecardJson {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private ScorecardJson() {}

  public static String render(String project, Scorecard card) {
    ObjectNode root = JSON.createObjectNode();
    root.put("project", project);
    root.put("overall", round(card.overall()));
    root.put("grade", card.grade());
    root.put("checks", card.checks());
    root.put("last_recorded", card.lastRecorded() == null ? null : card.lastRecorded().toString());
    trend(root.putArray("trend"), card.trend());
    ArrayNode tables = root.putArray("tables");
    for (Scorecard.TableScore t : card.tables()) {
      ObjectNode o = tables.addObject();
      o.put("unique_id", t.nodeId());
      o.put("name", t.name());
      o.put("overall", round(t.overall()));
      o.put("grade", t.grade());
      ObjectNode cats = o.putObject("categories");
      t.categories().forEach((c, v) -> cats.put(c.label(), round(v)));
      trend(o.putArray("trend"), t.trend());
      ArrayNode checks = o.putArray("checks");
      for (Scorecard.CheckScore c : t.checks()) {
        QualityHistory.CheckResult r = c.result();
        ObjectNode k = checks.addObject();
        k.put("unique_id", r.checkId());
        k.put("name", r.checkName());
        k.put("test", r.testName());
        k.put("column", r.column());
        k.put("category", r.category().label());
        k.put("status", r.status());
        k.put("failures", r.failures());
        k.put("rows_checked", r.rowsChecked());
        k.put("score", round(c.score()));
        k.put("message", r.message());
        ArrayNode sample = k.putArray("failing_rows_sample");
        for (Map<String, String> row : r.sample()) {
          ObjectNode s = sample.addObject();
          row.forEach(s::put);
        }
      }
    }
    try {
      return JSON.writeValueAsString(root) + "\n";
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void trend(ArrayNode out, List<Scorecard.Point> points) {
    for (Scorecard.Point p : points) {
      ObjectNode o = out.addObject();
      o.put("run_id", p.runId());
      o.put("at", p.at().toString());
      o.put("score", round(p.score()));
    }
  }

  static double round(double v) {
    return Math.round(v * 10) / 10.0;
  }
}
