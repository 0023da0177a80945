"""A Prefect flow for the Sluice project shop.

Written by `sluice export prefect`; each task runs `sluice build --select` for one
node. Serve the schedules with: python flow.py
"""

import os
import subprocess

from prefect import flow, serve, task
from prefect.client.schemas.schedules import CronSchedule

PROJECT = os.environ.get("SLUICE_PROJECT", "/srv/shop")
SLUICE = os.environ.get("SLUICE", "sluice")

# step: (what sluice build --select takes, the steps it waits for), in build order
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

SELECTIONS = {
    "nightly": ["raw_customers", "raw_order_items", "raw_orders", "raw_products", "stg_customers", "stg_orders", "stg_order_items", "stg_products", "order_totals", "product_sales", "orders", "customers", "daily_revenue"],
}


@task
def build(select: str, run_date: str | None) -> None:
    args = [SLUICE, "build", "--project", PROJECT, "--select", select]
    if run_date:
        args += ["--vars", "{run_date: \"" + run_date + "\"}"]
    subprocess.run(args, check=True)


@flow(name="shop")
def shop(schedule: str | None = None, run_date: str | None = None):
    names = SELECTIONS.get(schedule, list(STEPS))
    runs = {}
    for name in names:
        select, deps = STEPS[name]
        runs[name] = build.with_options(name=name).submit(
            select, run_date, wait_for=[runs[d] for d in deps if d in runs]
        )
    for run in runs.values():
        run.result()


if __name__ == "__main__":
    serve(
        shop.to_deployment(
            name="nightly",
            parameters={"schedule": "nightly"},
            schedules=[CronSchedule(cron="0 2 * * *", timezone="Europe/Berlin")],
        ),
    )
