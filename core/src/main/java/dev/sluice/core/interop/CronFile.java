package dev.sluice.core.interop;

import dev.sluice.core.orchestrate.Automation;
import dev.sluice.core.orchestrate.Schedule;

/** A crontab: one line per schedule, and the one line that lets serve do everything instead. */
final class CronFile {
  private CronFile() {}

  static String text(String project, Automation a, OrchestratorExport.Where where) {
    StringBuilder b = new StringBuilder();
    String cd = "cd " + sh(where.projectDir()) + " && " + where.sluice();
    b.append("# Sluice project ").append(project).append(": written by `sluice export cron`.\n");
    b.append("# Install with: crontab -l | cat - crontab | crontab -\n");
    b.append("# CRON_TZ sets a line's time zone in cronie; other cron daemons use their own.\n\n");
    for (Schedule s : a.schedules()) {
      b.append("# schedule ")
          .append(s.name())
          .append(" (")
          .append(s.file())
          .append(":")
          .append(s.line())
          .append(")\n");
      b.append("CRON_TZ=").append(s.zone().getId()).append("\n");
      b.append(s.cron()).append(" ").append(cd).append(" build");
      if (s.select() != null) {
        b.append(" --select ").append(sh(s.select()));
      }
      b.append(" --vars \"{run_date: $(date +\\%F)}\" >> target/cron-")
          .append(s.name())
          .append(".log 2>&1\n\n");
    }
    b.append("# Or, instead of the lines above: let serve evaluate schedules, sensors and\n");
    b.append("# freshness once a minute, with its state kept in the warehouse.\n");
    b.append("# * * * * * ").append(cd).append(" serve --once >> target/serve.log 2>&1\n");
    return b.toString();
  }

  static String sh(String s) {
    return s.matches("[A-Za-z0-9_./:+-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
  }
}
