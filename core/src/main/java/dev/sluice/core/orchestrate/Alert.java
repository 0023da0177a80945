package dev.sluice.core.orchestrate;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/**
 * Where to tell someone that a run failed, recovered or data went stale.
 *
 * @param webhook the URL as written in the file ({@code ${env:SLACK_WEBHOOK}}), resolved only when
 *     sending, so logs show what was written and never the secret; null for none
 * @param command a shell command run with the alert in its environment; null for none
 */
public record Alert(Set<On> on, String webhook, String command, Path file, int line) {
  public Alert {
    on = Set.copyOf(on);
  }

  /** What an alert is sent on. */
  public enum On {
    FAILURE,
    RECOVERY,
    FRESHNESS;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }
}
