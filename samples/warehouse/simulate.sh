#!/usr/bin/env bash
# Three days of source changes, one build each, from an empty warehouse; then the scorecard.
#   day 1: first load     day 2: a customer moves, a price changes
#   day 3: a customer changes segment, a new customer, a product changes category, a store
#          gets a new manager (Type 1: overwritten), and a sale names an unknown customer
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
sluice="$here/../../bin/sluice"
rm -f "$here/target/warehouse.duckdb"
for day in 1 2 3; do
  echo "== day $day"
  "$sluice" build --project "$here" --vars "{day: $day}"
done
"$sluice" quality --project "$here" --html "$here/target/quality.html"
