package dev.sluice.core.run;

import dev.sluice.core.project.Node;
import dev.sluice.core.project.ProjectException;
import dev.sluice.core.project.ProjectProblem;
import dev.sluice.core.project.Yaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * How often a node is tried and for how long: {@code retries} more attempts after a failure, the
 * first after {@code backoff}, each next one after twice the wait before; an attempt that runs past
 * {@code timeout} is cancelled and counts as failed. Project-wide values come from {@code
 * defaults:} in {@code sluice.yml}; a node's config ({@code retries}, {@code retry_backoff}, {@code
 * timeout}) overrides them.
 *
 * @param timeout null for no limit
 */
public record RetryPolicy(int retries, Duration backoff, Duration timeout) {
  public static final RetryPolicy NONE = new RetryPolicy(0, Duration.ofSeconds(30), null);
  static final String FILE = "sluice.yml";

  public RetryPolicy {
    retries = Math.max(0, retries);
    backoff = backoff == null ? Duration.ZERO : backoff;
  }

  /** The wait before attempt {@code next} (2 or later). */
  public Duration delayBefore(int next) {
    int doublings = Math.min(20, Math.max(0, next - 2));
    return backoff.multipliedBy(1L << doublings);
  }

  /** This policy with the node's own config over it. */
  public RetryPolicy forNode(Node node) {
    var c = node.config();
    int r = retries;
    Object rv = c.get("retries");
    if (rv instanceof Number n) {
      r = n.intValue();
    } else if (rv != null) {
      try {
        r = Integer.parseInt(rv.toString().strip());
      } catch (NumberFormatException e) {
        // a node file's reader reports it; here the project default stands
      }
    }
    Duration b = DurationText.parse(c.get("retry_backoff")).orElse(backoff);
    Duration t = DurationText.parse(c.get("timeout")).orElse(timeout);
    return new RetryPolicy(r, b, t);
  }

  /**
   * Reads {@code defaults:} of the project file; {@link #NONE} when there is none. Throws {@link
   * ProjectException} naming the line of a value that is not a number or a duration.
   */
  public static RetryPolicy read(Path root) {
    Path file = root.resolve(FILE);
    if (!Files.exists(file)) {
      return NONE;
    }
    Yaml.Value doc;
    try {
      doc = Yaml.read(file);
    } catch (IOException | Yaml.SyntaxError e) {
      return NONE; // the project loader has already said what is wrong with the file
    }
    Yaml.Value d = doc == null ? null : doc.get("defaults");
    if (d == null || !d.isMap()) {
      return NONE;
    }
    List<ProjectProblem> problems = new ArrayList<>();
    Path rel = Path.of(FILE);
    int retries = 0;
    Yaml.Value rv = d.get("retries");
    if (rv != null) {
      if (rv.value() instanceof Number n && n.intValue() >= 0) {
        retries = n.intValue();
      } else {
        problems.add(
            ProjectProblem.error(
                rel,
                rv.line(),
                "defaults.retries must be a whole number of 0 or more, not '" + rv.asText() + "'"));
      }
    }
    Duration backoff = duration(d, "retry_backoff", rel, problems);
    Duration timeout = duration(d, "timeout", rel, problems);
    if (!problems.isEmpty()) {
      throw new ProjectException(problems);
    }
    return new RetryPolicy(retries, backoff == null ? NONE.backoff() : backoff, timeout);
  }

  private static Duration duration(
      Yaml.Value d, String key, Path rel, List<ProjectProblem> problems) {
    Yaml.Value v = d.get(key);
    if (v == null) {
      return null;
    }
    var parsed = DurationText.parse(v.value());
    if (parsed.isEmpty()) {
      problems.add(
          ProjectProblem.error(
              rel,
              v.line(),
              "defaults."
                  + key
                  + " must be "
                  + DurationText.EXPECTED
                  + ", not '"
                  + v.asText()
                  + "'"));
      return null;
    }
    return parsed.get();
  }
}
