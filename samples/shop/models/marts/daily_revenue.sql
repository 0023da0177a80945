{{ config(materialized='incremental', unique_key='order_date') }}
-- Rebuilds only the days on or after the newest day already in the table.
select
    order_date,
    count(*) as orders,
    sum(amount) as revenue
from {{ ref('orders') }}
where not is_returned
{% if is_incremental() %}
  and order_date >= (select max(order_date) from {{ this }})
{% endif %}
group by order_date
