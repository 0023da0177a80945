package dev.sluice.core.interop;

import dev.sluice.core.orchestrate.Automation;
import dev.sluice.core.orchestrate.Schedule;
import dev.sluice.core.orchestrate.Sensor;

/**
 * The README that goes with an orchestrator export: what to install, how to start, what differs.
 */
final class ExportReadme {
  private ExportReadme() {}

  static String text(
      OrchestratorExport.Tool tool, String project, Automation a, OrchestratorExport.Where where) {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(project).append(" for ").append(title(tool)).append("\n\n");
    b.append("Written by `sluice export ")
        .append(tool.label())
        .append("`. Every step runs `")
        .append(where.sluice())
        .append(" build --select <node>` in the project at `")
        .append(where.projectDir())
        .append("`, so the SQL, the tests, and the retries and timeouts")
        .append(" under `defaults:` stay in the project; the tool only decides when.\n\n");
    b.append("## What it needs installed\n\n");
    b.append("- Sluice (Java 17 or newer) on the machine that runs the steps, as `")
        .append(where.sluice())
        .append("` (or set `SLUICE` to its path), and the project at `")
        .append(where.projectDir())
        .append("` (or set `SLUICE_PROJECT`).\n");
    switch (tool) {
      case DAGSTER ->
          b.append("- Python 3.9+ with `pip install dagster dagster-webserver`")
              .append(" (Dagster 1.7 or newer).\n\nStart it: `dagster dev -f definitions.py`.\n");
      case AIRFLOW ->
          b.append("- Apache Airflow 2.4 or newer (for `schedule=`), with the")
              .append(" BashOperator and FileSensor it ships.\n\nCopy `dags/` into the Airflow")
              .append(" dags folder; the file sensor's path must be visible to the workers.\n");
      case PREFECT ->
          b.append("- Python 3.9+ with `pip install prefect` (Prefect 2.16 or newer,")
              .append(
                  " or 3).\n\nStart it: `python flow.py` (serves one deployment per schedule).\n")
              .append("Sensors are not exported to Prefect; run `sluice serve` for them.\n");
      case CRON ->
          b.append("- A cron daemon; `CRON_TZ` needs cronie (Fedora, Arch, Alpine's")
              .append(
                  " busybox crond does not).\n\nInstall: `crontab -l | cat - crontab | crontab -`.\n")
              .append("Cron has no sensors: use the `serve --once` line instead for those.\n");
      case SYSTEMD ->
          b.append("- systemd 229 or newer.\n\nInstall (as root or with `--user`):\n\n")
              .append("```\ncp sluice-*.service sluice-*.timer /etc/systemd/system/\n")
              .append("systemctl daemon-reload\n")
              .append("systemctl enable --now ")
              .append("sluice-")
              .append(project.replaceAll("[^A-Za-z0-9_-]", "-"))
              .append(".timer\n```\n\n")
              .append("The timer runs `sluice serve --once` every minute: schedules, sensors and")
              .append(
                  " freshness are all evaluated, with their state in the warehouse. Or enable the")
              .append(" `-serve.service` instead of the timer for one long-running serve.\n");
    }
    b.append("\n## What it runs\n\n");
    for (Schedule s : a.schedules()) {
      b.append("- schedule `")
          .append(s.name())
          .append("`: `")
          .append(s.cron())
          .append("` in ")
          .append(s.zone().getId())
          .append(", `")
          .append(s.select() == null ? "all" : s.select())
          .append("`\n");
    }
    for (Sensor s : a.sensors()) {
      b.append("- sensor `")
          .append(s.name())
          .append("`: ")
          .append(describe(s))
          .append(", `")
          .append(s.select() == null ? "all" : s.select())
          .append("`\n");
    }
    if (a.schedules().isEmpty() && a.sensors().isEmpty()) {
      b.append("- no schedules or sensors: one manual run of the whole project\n");
    }
    b.append("\n`sluice serve` keeps run keys so that a file is processed once and a tick is")
        .append(" never run twice; with another tool, that tool's own run keys, catch-up and")
        .append(" concurrency settings decide.\n");
    return b.toString();
  }

  private static String describe(Sensor s) {
    if (s instanceof Sensor.Files f) {
      return "new files `" + f.path() + "`";
    }
    if (s instanceof Sensor.Query q) {
      return "query result changed";
    }
    return "after `" + ((Sensor.AfterRun) s).after() + "` finished";
  }

  private static String title(OrchestratorExport.Tool t) {
    return switch (t) {
      case DAGSTER -> "Dagster";
      case AIRFLOW -> "Apache Airflow";
      case PREFECT -> "Prefect";
      case CRON -> "cron";
      case SYSTEMD -> "systemd";
    };
  }
}
