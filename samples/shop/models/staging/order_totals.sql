{{ config(materialized='ephemeral') }}
-- Inlined as a CTE wherever it is used; it never becomes a table.
select order_id, sum(amount_cents) as amount_cents, sum(quantity) as items
from {{ ref('stg_order_items') }}
group by order_id
