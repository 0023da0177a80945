package dev.sluice.core.orchestrate;

import dev.sluice.core.pipeline.Pipeline;
import dev.sluice.core.pipeline.PipelineOptions;
import dev.sluice.core.plan.Command;
import dev.sluice.core.run.RunListener;
import dev.sluice.core.run.RunSummary;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Runs a schedule's selection once per day of a date range, oldest first, each with {@code
 * run_date} set to its day, each recorded in the history as {@code backfill <schedule> <day>}.
 */
public final class Backfill {
  /** Backfills longer than this are refused: a typo in a year should not start 3,650 runs. */
  public static final int MAX_DAYS = 366;

  private Backfill() {}

  /** The days from {@code from} to {@code to}, both included; refused when reversed or too long. */
  public static List<LocalDate> days(LocalDate from, LocalDate to) {
    if (to.isBefore(from)) {
      throw new IllegalArgumentException(
          "the range ends (" + to + ") before it starts (" + from + ")");
    }
    List<LocalDate> out = new ArrayList<>();
    for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
      out.add(d);
      if (out.size() > MAX_DAYS) {
        throw new IllegalArgumentException("a backfill covers at most " + MAX_DAYS + " days");
      }
    }
    return out;
  }

  /**
   * @param stop checked before each day; true ends the backfill early
   */
  public static List<RunSummary> run(
      Path root,
      PipelineOptions options,
      Schedule schedule,
      LocalDate from,
      LocalDate to,
      RunListener listener,
      BooleanSupplier stop) {
    List<RunSummary> out = new ArrayList<>();
    for (LocalDate day : days(from, to)) {
      if (stop.getAsBoolean()) {
        break;
      }
      Map<String, Object> vars = new LinkedHashMap<>(options.vars());
      vars.put("run_date", day.toString());
      try (Pipeline p = Pipeline.open(root, options.withVars(vars))) {
        out.add(
            p.run(
                Command.BUILD,
                schedule.select(),
                null,
                0,
                false,
                listener,
                "backfill " + schedule.name() + " " + day));
      }
    }
    return out;
  }
}
