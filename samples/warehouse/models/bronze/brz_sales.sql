-- Till transactions that have arrived by the end of the simulated day.
select sale_id, sold_at, store_id, customer_id, product_id, quantity, unit_price
from {{ ref('raw_sales') }}
where cast(sold_at as date) < cast('{{ var("first_day") }}' as date) + {{ var('day') }}
