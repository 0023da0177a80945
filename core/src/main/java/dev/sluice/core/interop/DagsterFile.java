package dev.sluice.core.interop;

import static dev.sluice.core.interop.PythonText.identifier;
import static dev.sluice.core.interop.PythonText.list;
import static dev.sluice.core.interop.PythonText.str;

import dev.sluice.core.orchestrate.Automation;
import dev.sluice.core.orchestrate.Schedule;
import dev.sluice.core.orchestrate.Sensor;
import dev.sluice.core.parse.Manifest;

/**
 * A Dagster definitions file: one asset per node (its deps from the DAG), a job and a schedule per
 * Sluice schedule, and a sensor per Sluice sensor. Each asset runs {@code sluice build --select}.
 */
final class DagsterFile {
  private DagsterFile() {}

  static String text(
      String project,
      Manifest manifest,
      Steps steps,
      Automation a,
      OrchestratorExport.Where where) {
    StringBuilder b = new StringBuilder();
    b.append("\"\"\"Dagster definitions for the Sluice project ").append(project).append(".\n\n");
    b.append(
        "Written by `sluice export dagster`; each asset runs `sluice build --select`, so the\n");
    b.append(
        "SQL, tests and retries stay in the project. Load with: dagster dev -f definitions.py\n");
    b.append("\"\"\"\n\n");
    b.append("import glob\nimport os\nimport subprocess\n\nimport dagster as dg\n\n");
    b.append(PythonText.locations(where)).append("\n");
    b.append("def sluice(context, *args):\n");
    b.append("    \"\"\"Runs sluice in the project; its output goes to the Dagster log.\"\"\"\n");
    b.append("    done = subprocess.run(\n");
    b.append("        [SLUICE, *args, \"--project\", PROJECT], capture_output=True, text=True\n");
    b.append("    )\n");
    b.append("    context.log.info(done.stdout)\n");
    b.append("    if done.returncode != 0:\n");
    b.append("        raise dg.Failure(description=done.stderr or done.stdout)\n");
    b.append("    return done.stdout\n\n\n");
    b.append("def sluice_asset(name, select, deps, group):\n");
    b.append("    @dg.asset(name=name, deps=deps, group_name=group)\n");
    b.append("    def build(context: dg.AssetExecutionContext) -> None:\n");
    b.append("        sluice(context, \"build\", \"--select\", select)\n\n");
    b.append("    return build\n\n\n");
    b.append("assets = [\n");
    for (Steps.Step s : steps.all()) {
      b.append("    sluice_asset(")
          .append(str(s.id()))
          .append(", ")
          .append(str(s.select()))
          .append(", ")
          .append(list(s.deps()))
          .append(", ")
          .append(str(identifier(s.group())))
          .append("),\n");
    }
    b.append("]\n\n");
    StringBuilder jobs = new StringBuilder();
    StringBuilder schedules = new StringBuilder();
    StringBuilder sensors = new StringBuilder();
    for (Schedule s : a.schedules()) {
      String job = identifier(s.name()) + "_job";
      b.append(job)
          .append(" = dg.define_asset_job(\n    ")
          .append(str(job))
          .append(",\n    selection=dg.AssetSelection.assets(*")
          .append(list(Steps.idsOf(manifest, s.select())))
          .append("),\n)\n");
      b.append(identifier(s.name()))
          .append(" = dg.ScheduleDefinition(\n    name=")
          .append(str(s.name()))
          .append(",\n    job=")
          .append(job)
          .append(",\n    cron_schedule=")
          .append(str(s.cron()))
          .append(",\n    execution_timezone=")
          .append(str(s.zone().getId()))
          .append(",\n)\n\n");
      jobs.append(job).append(", ");
      schedules.append(identifier(s.name())).append(", ");
    }
    for (Sensor s : a.sensors()) {
      String job = identifier(s.name()) + "_job";
      String fn = identifier(s.name());
      b.append(job)
          .append(" = dg.define_asset_job(\n    ")
          .append(str(job))
          .append(",\n    selection=dg.AssetSelection.assets(*")
          .append(list(Steps.idsOf(manifest, s.select())))
          .append("),\n)\n\n\n");
      jobs.append(job).append(", ");
      sensors.append(fn).append(", ");
      long secs = Math.max(1, s.minInterval().toSeconds());
      if (s instanceof Sensor.Files f) {
        b.append("@dg.sensor(name=")
            .append(str(f.name()))
            .append(", job=")
            .append(job)
            .append(", minimum_interval_seconds=")
            .append(secs)
            .append(")\n");
        b.append("def ").append(fn).append("(context: dg.SensorEvaluationContext):\n");
        b.append("    \"\"\"One run per new file, keyed by path and modification time.\"\"\"\n");
        b.append("    for path in sorted(glob.glob(os.path.join(PROJECT, ")
            .append(str(f.path()))
            .append("))):\n");
        b.append("        rel = os.path.relpath(path, PROJECT)\n");
        b.append("        mtime = int(os.path.getmtime(path) * 1000)\n");
        b.append("        yield dg.RunRequest(run_key=f\"{rel}@{mtime}\")\n\n\n");
      } else if (s instanceof Sensor.Query q) {
        b.append("@dg.sensor(name=")
            .append(str(q.name()))
            .append(", job=")
            .append(job)
            .append(", minimum_interval_seconds=")
            .append(secs)
            .append(")\n");
        b.append("def ").append(fn).append("(context: dg.SensorEvaluationContext):\n");
        b.append(
            "    \"\"\"A run when the query's result changes (the first look records it).\"\"\"\n");
        b.append("    done = subprocess.run(\n        [SLUICE, \"query\", \"--project\", PROJECT,")
            .append(" \"--format\", \"csv\", ")
            .append(str(q.sql()))
            .append("],\n")
            .append(
                "        capture_output=True,\n        text=True,\n        check=True,\n    )\n");
        b.append("    value = done.stdout.strip()\n");
        b.append("    if context.cursor is not None and context.cursor != value:\n");
        b.append("        yield dg.RunRequest(run_key=value)\n");
        b.append("    context.update_cursor(value)\n\n\n");
      } else if (s instanceof Sensor.AfterRun r) {
        String after = identifier(r.after()) + "_job";
        b.append("@dg.run_status_sensor(\n    name=")
            .append(str(r.name()))
            .append(",\n    run_status=dg.DagsterRunStatus.SUCCESS,\n    monitored_jobs=[")
            .append(after)
            .append("],\n    request_job=")
            .append(job)
            .append(",\n    minimum_interval_seconds=")
            .append(secs)
            .append(",\n)\n");
        b.append("def ").append(fn).append("(context: dg.RunStatusSensorContext):\n");
        b.append("    return dg.RunRequest(run_key=context.dagster_run.run_id)\n\n\n");
      }
    }
    b.append("defs = dg.Definitions(\n    assets=assets,\n    jobs=[")
        .append(trim(jobs))
        .append("],\n    schedules=[")
        .append(trim(schedules))
        .append("],\n    sensors=[")
        .append(trim(sensors))
        .append("],\n)\n");
    return b.toString();
  }

  private static String trim(StringBuilder b) {
    String s = b.toString();
    return s.endsWith(", ") ? s.substring(0, s.length() - 2) : s;
  }
}
