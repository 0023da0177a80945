-- Cleaned transactions with their amount.
select
    sale_id,
    sold_at,
    cast(sold_at as date) as sale_date,
    store_id,
    customer_id,
    product_id,
    quantity,
    unit_price,
    quantity * unit_price as amount
from {{ ref('brz_sales') }}
