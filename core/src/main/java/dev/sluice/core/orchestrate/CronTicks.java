package dev.sluice.core.orchestrate;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The ticks of a five-field (Unix) cron expression in a time zone. Parsing is cron-utils'. */
public final class CronTicks {
  private static final CronParser PARSER =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final ExecutionTime times;
  private final ZoneId zone;

  private CronTicks(ExecutionTime times, ZoneId zone) {
    this.times = times;
    this.zone = zone;
  }

  /**
   * @throws IllegalArgumentException with a message saying what is wrong with the expression
   */
  public static CronTicks of(String cron, ZoneId zone) {
    return new CronTicks(ExecutionTime.forCron(PARSER.parse(cron).validate()), zone);
  }

  public static CronTicks of(Schedule s) {
    return of(s.cron(), s.zone());
  }

  /** Why an expression is refused, or empty when it is a valid cron expression. */
  public static Optional<String> problem(String cron) {
    try {
      PARSER.parse(cron).validate();
      return Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.of(e.getMessage() == null ? "invalid cron expression" : e.getMessage());
    }
  }

  /** The first tick strictly after {@code t}. */
  public Optional<Instant> next(Instant t) {
    return times.nextExecution(ZonedDateTime.ofInstant(t, zone)).map(ZonedDateTime::toInstant);
  }

  /** Ticks in {@code (after, upTo]}, oldest first, at most {@code limit}, the newest kept. */
  public List<Instant> between(Instant after, Instant upTo, int limit) {
    List<Instant> out = new ArrayList<>();
    Instant t = after;
    while (true) {
      Optional<Instant> n = next(t);
      if (n.isEmpty() || n.get().isAfter(upTo)) {
        break;
      }
      out.add(n.get());
      if (out.size() > limit) {
        out.remove(0);
      }
      t = n.get();
    }
    return out;
  }
}
