"""Airflow DAGs for the Sluice project shop.

Written by `sluice export airflow`; each task runs `sluice build --select` for one
node, so the SQL, tests and retries stay in the project. Copy into your dags folder.
"""

from __future__ import annotations

import os
import shlex
from datetime import timedelta

import pendulum
from airflow import DAG
from airflow.operators.bash import BashOperator
from airflow.operators.trigger_dagrun import TriggerDagRunOperator
from airflow.sensors.filesystem import FileSensor

PROJECT = os.environ.get("SLUICE_PROJECT", "/srv/shop")
SLUICE = os.environ.get("SLUICE", "sluice")

# step: (what sluice build --select takes, the steps it waits for)
STEPS = {
    "raw_customers": ("raw_customers", []),
    "raw_order_items": ("raw_order_items", []),
    "raw_orders": ("raw_orders", []),
    "raw_products": ("raw_products", []),
    "stg_customers": ("stg_customers", ["raw_customers"]),
    "stg_orders": ("stg_orders", ["raw_orders"]),
    "stg_order_items": ("stg_order_items", ["raw_order_items", "raw_products"]),
    "stg_products": ("stg_products", ["raw_products"]),
    "customers_snapshot": ("customers_snapshot", ["stg_customers"]),
    "order_totals": ("order_totals", ["stg_order_items"]),
    "product_sales": ("product_sales", ["stg_order_items", "stg_products"]),
    "orders": ("orders", ["order_totals", "stg_orders"]),
    "customers": ("customers", ["orders", "stg_customers"]),
    "daily_revenue": ("daily_revenue", ["orders"]),
    "daily_revenue_csv": ("daily_revenue_csv", ["daily_revenue"]),
}


def add_steps(dag, names):
    """One task per step, wired as the project's DAG; returns the tasks."""
    tasks = {}
    for name in names:
        select = STEPS[name][0]
        command = " ".join(
            [shlex.quote(SLUICE), "build", "--project", shlex.quote(PROJECT), "--select", shlex.quote(select)]
        )
        tasks[name] = BashOperator(
            task_id=name,
            bash_command=command + " --vars '{run_date: \"{{ ds }}\"}'",
            dag=dag,
        )
    for name in names:
        for dep in STEPS[name][1]:
            if dep in tasks:
                tasks[dep] >> tasks[name]
    return tasks


def leaves(tasks):
    return [t for t in tasks.values() if not t.downstream_list]


def roots(tasks):
    return [t for t in tasks.values() if not t.upstream_list]


with DAG(
    dag_id="shop__nightly",
    schedule="0 2 * * *",
    start_date=pendulum.datetime(2024, 1, 1, tz="Europe/Berlin"),
    catchup=False,
    max_active_runs=1,
    tags=["sluice"],
) as nightly_dag:
    nightly_tasks = add_steps(nightly_dag, ["raw_customers", "raw_order_items", "raw_orders", "raw_products", "stg_customers", "stg_orders", "stg_order_items", "stg_products", "order_totals", "product_sales", "orders", "customers", "daily_revenue"])

with DAG(
    dag_id="shop__new_orders",
    schedule=timedelta(minutes=1),
    start_date=pendulum.datetime(2024, 1, 1),
    catchup=False,
    max_active_runs=1,
    tags=["sluice"],
) as new_orders_dag:
    new_orders_tasks = add_steps(new_orders_dag, ["stg_orders", "orders", "customers", "daily_revenue", "daily_revenue_csv"])
    new_orders_wait = FileSensor(
        task_id="wait_for_files",
        filepath=os.path.join(PROJECT, "landing/orders_*.csv"),
        poke_interval=10,
        mode="reschedule",
    )
    new_orders_wait >> roots(new_orders_tasks)

