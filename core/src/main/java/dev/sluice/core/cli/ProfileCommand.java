package dev.sluice.core.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.Previews;
import dev.sluice.core.project.Node;
import dev.sluice.core.query.ColumnProfile;
import dev.sluice.core.query.Profiler;
import dev.sluice.core.query.QueryException;
import dev.sluice.core.query.ResultStream;
import dev.sluice.core.query.TableProfile;
import java.io.PrintWriter;
import java.sql.SQLException;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code sluice profile --select X}: the column profile the app's Profile tab shows. */
@Command(
    name = "profile",
    mixinStandardHelpOptions = true,
    description =
        "Profile one node's rows: per column its type, nulls, distinct values, range, mean and a"
            + " histogram or top values.")
final class ProfileCommand implements Callable<Integer> {
  private static final String BARS = "▁▂▃▄▅▆▇█";

  @Mixin ProjectOptions project;
  @Mixin SelectionOptions selection;

  @Option(names = "--format", paramLabel = "FORMAT", description = "text (default) or json.")
  String format = "text";

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() throws Exception {
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (selection.select() == null) {
      err.println("profile needs --select with one model, seed, snapshot or source");
      return Main.USAGE;
    }
    try (Pipeline pipeline = Pipeline.open(project.project, project.pipelineOptions())) {
      java.util.Optional<Node> picked = selection.oneNode("profile", pipeline.manifest(), err);
      if (picked.isEmpty()) {
        return Main.USAGE;
      }
      Node node = picked.get();
      TableProfile p;
      try {
        p =
            Profiler.profile(
                pipeline.warehouse(), Previews.sqlFor(pipeline, node), new ResultStream.Cancel());
      } catch (QueryException e) {
        err.println(e.getMessage());
        return Main.FAILED;
      } catch (SQLException e) {
        err.println(node.name() + ": " + e.getMessage().strip().split("\n")[0]);
        return Main.FAILED;
      }
      if (format.equals("json")) {
        out.println(
            new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(p));
      } else {
        out.print(text(node.name(), p));
      }
      out.flush();
      return Main.OK;
    }
  }

  static String text(String name, TableProfile p) {
    StringBuilder sb = new StringBuilder();
    sb.append(
        String.format(
            Locale.ROOT,
            "%s: %,d rows, %d columns (profiled in %d ms)%n%n",
            name,
            p.rows(),
            p.columns().size(),
            p.millis()));
    int w = Math.max(6, p.columns().stream().mapToInt(c -> c.name().length()).max().orElse(6));
    String fmt = "%-" + w + "s  %-12s %7s %9s  %-14s %-14s %-12s %s%n";
    sb.append(
        String.format(
            Locale.ROOT,
            fmt,
            "column",
            "type",
            "nulls",
            "distinct",
            "min",
            "max",
            "mean",
            "chart"));
    for (ColumnProfile c : p.columns()) {
      sb.append(
          String.format(
              Locale.ROOT,
              fmt,
              c.name(),
              clip(c.type(), 12),
              String.format(Locale.ROOT, "%.1f%%", c.nullPercent()),
              String.format(Locale.ROOT, "%,d", c.distinct()),
              clip(c.min(), 14),
              clip(c.max(), 14),
              clip(c.mean(), 12),
              chart(c)));
    }
    return sb.toString();
  }

  /** A histogram as a sparkline, or the top values with their counts. */
  private static String chart(ColumnProfile c) {
    if (c.bars().isEmpty()) {
      return "";
    }
    if (c.histogram()) {
      long max = c.bars().stream().mapToLong(ColumnProfile.Bar::count).max().orElse(1);
      StringBuilder sb = new StringBuilder();
      for (ColumnProfile.Bar b : c.bars()) {
        sb.append(
            BARS.charAt(
                (int) Math.round((BARS.length() - 1) * b.count() / (double) Math.max(1, max))));
      }
      return sb.toString();
    }
    StringBuilder sb = new StringBuilder("top: ");
    for (int i = 0; i < Math.min(3, c.bars().size()); i++) {
      ColumnProfile.Bar b = c.bars().get(i);
      sb.append(i == 0 ? "" : ", ")
          .append(clip(b.label(), 16))
          .append(" (")
          .append(b.count())
          .append(')');
    }
    return sb.toString();
  }

  private static String clip(String s, int n) {
    if (s == null) {
      return "";
    }
    return s.length() <= n ? s : s.substring(0, n - 1) + "…";
  }
}
