package dev.sluice.core.interop;

import static dev.sluice.core.interop.PythonText.identifier;
import static dev.sluice.core.interop.PythonText.list;
import static dev.sluice.core.interop.PythonText.locations;
import static dev.sluice.core.interop.PythonText.stepsDict;
import static dev.sluice.core.interop.PythonText.str;

import dev.sluice.core.orchestrate.Automation;
import dev.sluice.core.orchestrate.Schedule;
import dev.sluice.core.parse.Manifest;

/**
 * A Prefect flow: one task run per node in DAG order, each waiting for its upstream ones, and a
 * deployment per schedule served with {@code python flow.py}.
 */
final class PrefectFile {
  private PrefectFile() {}

  static String text(
      String project,
      Manifest manifest,
      Steps steps,
      Automation a,
      OrchestratorExport.Where where) {
    String fn = identifier(project);
    StringBuilder b = new StringBuilder();
    b.append("\"\"\"A Prefect flow for the Sluice project ").append(project).append(".\n\n");
    b.append(
        "Written by `sluice export prefect`; each task runs `sluice build --select` for one\n");
    b.append("node. Serve the schedules with: python flow.py\n");
    b.append("\"\"\"\n\n");
    b.append("import os\nimport subprocess\n\nfrom prefect import flow, serve, task\n");
    b.append("from prefect.client.schemas.schedules import CronSchedule\n\n");
    b.append(locations(where));
    b.append(stepsDict(steps, ", in build order"));
    b.append("\n");
    b.append("SELECTIONS = {\n");
    for (Schedule s : a.schedules()) {
      b.append("    ")
          .append(str(s.name()))
          .append(": ")
          .append(list(Steps.idsOf(manifest, s.select())))
          .append(",\n");
    }
    b.append("}\n\n\n");
    b.append("@task\ndef build(select: str, run_date: str | None) -> None:\n");
    b.append("    args = [SLUICE, \"build\", \"--project\", PROJECT, \"--select\", select]\n");
    b.append("    if run_date:\n");
    b.append("        args += [\"--vars\", \"{run_date: \\\"\" + run_date + \"\\\"}\"]\n");
    b.append("    subprocess.run(args, check=True)\n\n\n");
    b.append("@flow(name=").append(str(project)).append(")\n");
    b.append("def ")
        .append(fn)
        .append("(schedule: str | None = None, run_date: str | None = None):\n");
    b.append("    names = SELECTIONS.get(schedule, list(STEPS))\n");
    b.append("    runs = {}\n");
    b.append("    for name in names:\n");
    b.append("        select, deps = STEPS[name]\n");
    b.append("        runs[name] = build.with_options(name=name).submit(\n");
    b.append("            select, run_date, wait_for=[runs[d] for d in deps if d in runs]\n");
    b.append("        )\n");
    b.append("    for run in runs.values():\n");
    b.append("        run.result()\n\n\n");
    b.append("if __name__ == \"__main__\":\n");
    if (a.schedules().isEmpty()) {
      b.append("    ").append(fn).append("()\n");
    } else {
      b.append("    serve(\n");
      for (Schedule s : a.schedules()) {
        b.append("        ")
            .append(fn)
            .append(".to_deployment(\n            name=")
            .append(str(s.name()))
            .append(",\n            parameters={\"schedule\": ")
            .append(str(s.name()))
            .append("},\n            schedules=[CronSchedule(cron=")
            .append(str(s.cron()))
            .append(", timezone=")
            .append(str(s.zone().getId()))
            .append(")],\n        ),\n");
      }
      b.append("    )\n");
    }
    return b.toString();
  }
}
