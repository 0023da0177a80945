package dev.sluice.core.interop;

import static dev.sluice.core.interop.PythonText.identifier;
import static dev.sluice.core.interop.PythonText.list;
import static dev.sluice.core.interop.PythonText.locations;
import static dev.sluice.core.interop.PythonText.stepsDict;
import static dev.sluice.core.interop.PythonText.str;

import dev.sluice.core.orchestrate.Automation;
import dev.sluice.core.orchestrate.CatchUp;
import dev.sluice.core.orchestrate.Schedule;
import dev.sluice.core.orchestrate.Sensor;
import dev.sluice.core.parse.Manifest;
import java.util.ArrayList;
import java.util.List;

/**
 * An Airflow DAG file: a DAG per schedule and per sensor, one BashOperator task per node of its
 * selection (running {@code sluice build --select node} with {@code run_date} set to the logical
 * date), wired as the project's DAG is.
 */
final class AirflowFile {
  private AirflowFile() {}

  static String text(
      String project,
      Manifest manifest,
      Steps steps,
      Automation a,
      OrchestratorExport.Where where) {
    String p = identifier(project);
    StringBuilder b = new StringBuilder();
    b.append("\"\"\"Airflow DAGs for the Sluice project ").append(project).append(".\n\n");
    b.append(
        "Written by `sluice export airflow`; each task runs `sluice build --select` for one\n");
    b.append(
        "node, so the SQL, tests and retries stay in the project. Copy into your dags folder.\n");
    b.append("\"\"\"\n\n");
    b.append(
        "from __future__ import annotations\n\nimport os\nimport shlex\nfrom datetime import timedelta\n\n");
    b.append(
        "import pendulum\nfrom airflow import DAG\nfrom airflow.operators.bash import BashOperator\n");
    b.append("from airflow.operators.trigger_dagrun import TriggerDagRunOperator\n");
    b.append("from airflow.sensors.filesystem import FileSensor\n\n");
    b.append(locations(where));
    b.append(stepsDict(steps, ""));
    b.append("\n\n");
    b.append("def add_steps(dag, names):\n");
    b.append("    \"\"\"One task per step, wired as the project's DAG; returns the tasks.\"\"\"\n");
    b.append("    tasks = {}\n");
    b.append("    for name in names:\n");
    b.append("        select = STEPS[name][0]\n");
    b.append("        command = \" \".join(\n");
    b.append("            [shlex.quote(SLUICE), \"build\", \"--project\", shlex.quote(PROJECT),");
    b.append(" \"--select\", shlex.quote(select)]\n");
    b.append("        )\n");
    b.append("        tasks[name] = BashOperator(\n");
    b.append("            task_id=name,\n");
    b.append("            bash_command=command + \" --vars '{run_date: \\\"{{ ds }}\\\"}'\",\n");
    b.append("            dag=dag,\n");
    b.append("        )\n");
    b.append("    for name in names:\n");
    b.append("        for dep in STEPS[name][1]:\n");
    b.append("            if dep in tasks:\n");
    b.append("                tasks[dep] >> tasks[name]\n");
    b.append("    return tasks\n\n\n");
    b.append("def leaves(tasks):\n");
    b.append("    return [t for t in tasks.values() if not t.downstream_list]\n\n\n");
    b.append("def roots(tasks):\n");
    b.append("    return [t for t in tasks.values() if not t.upstream_list]\n\n\n");
    List<String> afterLines = new ArrayList<>();
    for (Schedule s : a.schedules()) {
      String v = identifier(s.name());
      dag(
          b,
          p + "__" + s.name(),
          "schedule="
              + str(s.cron())
              + ",\n    start_date=pendulum.datetime(2024, 1, 1, tz="
              + str(s.zone().getId())
              + "),\n    catchup="
              + (s.catchUp() == CatchUp.ALL ? "True" : "False")
              + ",\n    max_active_runs=1",
          v,
          Steps.idsOf(manifest, s.select()));
      b.append("\n");
    }
    for (Sensor s : a.sensors()) {
      String v = identifier(s.name());
      if (s instanceof Sensor.AfterRun r) {
        dag(
            b,
            p + "__" + s.name(),
            "schedule=None,\n    start_date=pendulum.datetime(2024, 1, 1),\n    catchup=False",
            v,
            Steps.idsOf(manifest, s.select()));
        b.append("\n");
        String up = identifier(r.after());
        afterLines.add(
            up
                + "_tasks and [t >> TriggerDagRunOperator(task_id=\"trigger_"
                + r.name()
                + "\", trigger_dag_id=\""
                + p
                + "__"
                + r.name()
                + "\", dag="
                + up
                + "_dag) for t in leaves("
                + up
                + "_tasks)]");
        continue;
      }
      if (s instanceof Sensor.Query) {
        b.append("# sensor ")
            .append(s.name())
            .append(" (a query whose result changed) has no\n")
            .append("# Airflow form here: run `sluice serve` for it, or write a SqlSensor.\n\n");
        continue;
      }
      long minutes = Math.max(1, s.minInterval().toMinutes());
      dag(
          b,
          p + "__" + s.name(),
          "schedule=timedelta(minutes="
              + minutes
              + "),\n    start_date=pendulum.datetime(2024, 1, 1),\n    catchup=False,"
              + "\n    max_active_runs=1",
          v,
          Steps.idsOf(manifest, s.select()));
      if (s instanceof Sensor.Files f) {
        b.append("    ")
            .append(v)
            .append("_wait = FileSensor(\n        task_id=\"wait_for_files\",")
            .append("\n        filepath=os.path.join(PROJECT, ")
            .append(str(f.path()))
            .append("),\n        poke_interval=")
            .append(Math.max(1, s.minInterval().toSeconds()))
            .append(",\n        mode=\"reschedule\",\n    )\n");
      }
      b.append("    ").append(v).append("_wait >> roots(").append(v).append("_tasks)\n\n");
    }
    for (String line : afterLines) {
      b.append(line).append("\n");
    }
    if (a.schedules().isEmpty() && a.sensors().isEmpty()) {
      b.append("with DAG(\n    dag_id=")
          .append(str(p))
          .append(",\n    schedule=None,\n    start_date=pendulum.datetime(2024, 1, 1),")
          .append("\n    catchup=False,\n    tags=[\"sluice\"],\n) as build_dag:\n");
      b.append("    add_steps(build_dag, list(STEPS))\n");
    }
    return b.toString();
  }

  /** A {@code with DAG(...)} block whose tasks are the given steps, up to its last line. */
  private static void dag(StringBuilder b, String id, String timing, String v, List<String> steps) {
    b.append("with DAG(\n    dag_id=")
        .append(str(id))
        .append(",\n    ")
        .append(timing)
        .append(",\n    tags=[\"sluice\"],\n) as ")
        .append(v)
        .append("_dag:\n");
    b.append("    ")
        .append(v)
        .append("_tasks = add_steps(")
        .append(v)
        .append("_dag, ")
        .append(list(steps))
        .append(")\n");
  }
}
