"""Dagster definitions for the Sluice project shop.

Written by `sluice export dagster`; each asset runs `sluice build --select`, so the
SQL, tests and retries stay in the project. Load with: dagster dev -f definitions.py
"""

import glob
import os
import subprocess

import dagster as dg

PROJECT = os.environ.get("SLUICE_PROJECT", "/srv/shop")
SLUICE = os.environ.get("SLUICE", "sluice")


def sluice(context, *args):
    """Runs sluice in the project; its output goes to the Dagster log."""
    done = subprocess.run(
        [SLUICE, *args, "--project", PROJECT], capture_output=True, text=True
    )
    context.log.info(done.stdout)
    if done.returncode != 0:
        raise dg.Failure(description=done.stderr or done.stdout)
    return done.stdout


def sluice_asset(name, select, deps, group):
    @dg.asset(name=name, deps=deps, group_name=group)
    def build(context: dg.AssetExecutionContext) -> None:
        sluice(context, "build", "--select", select)

    return build


assets = [
    sluice_asset("raw_customers", "raw_customers", [], "seeds"),
    sluice_asset("raw_order_items", "raw_order_items", [], "seeds"),
    sluice_asset("raw_orders", "raw_orders", [], "seeds"),
    sluice_asset("raw_products", "raw_products", [], "seeds"),
    sluice_asset("stg_customers", "stg_customers", ["raw_customers"], "staging"),
    sluice_asset("stg_orders", "stg_orders", ["raw_orders"], "staging"),
    sluice_asset("stg_order_items", "stg_order_items", ["raw_order_items", "raw_products"], "staging"),
    sluice_asset("stg_products", "stg_products", ["raw_products"], "staging"),
    sluice_asset("customers_snapshot", "customers_snapshot", ["stg_customers"], "snapshots"),
    sluice_asset("order_totals", "order_totals", ["stg_order_items"], "staging"),
    sluice_asset("product_sales", "product_sales", ["stg_order_items", "stg_products"], "marts"),
    sluice_asset("orders", "orders", ["order_totals", "stg_orders"], "marts"),
    sluice_asset("customers", "customers", ["orders", "stg_customers"], "marts"),
    sluice_asset("daily_revenue", "daily_revenue", ["orders"], "marts"),
    sluice_asset("daily_revenue_csv", "daily_revenue_csv", ["daily_revenue"], "exports"),
]

nightly_job = dg.define_asset_job(
    "nightly_job",
    selection=dg.AssetSelection.assets(*["raw_customers", "raw_order_items", "raw_orders", "raw_products", "stg_customers", "stg_orders", "stg_order_items", "stg_products", "order_totals", "product_sales", "orders", "customers", "daily_revenue"]),
)
nightly = dg.ScheduleDefinition(
    name="nightly",
    job=nightly_job,
    cron_schedule="0 2 * * *",
    execution_timezone="Europe/Berlin",
)

new_orders_job = dg.define_asset_job(
    "new_orders_job",
    selection=dg.AssetSelection.assets(*["stg_orders", "orders", "customers", "daily_revenue", "daily_revenue_csv"]),
)


@dg.sensor(name="new_orders", job=new_orders_job, minimum_interval_seconds=10)
def new_orders(context: dg.SensorEvaluationContext):
    """One run per new file, keyed by path and modification time."""
    for path in sorted(glob.glob(os.path.join(PROJECT, "landing/orders_*.csv"))):
        rel = os.path.relpath(path, PROJECT)
        mtime = int(os.path.getmtime(path) * 1000)
        yield dg.RunRequest(run_key=f"{rel}@{mtime}")


defs = dg.Definitions(
    assets=assets,
    jobs=[nightly_job, new_orders_job],
    schedules=[nightly],
    sensors=[new_orders],
)
