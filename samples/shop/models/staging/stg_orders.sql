select
    order_id,
    customer_id,
    ordered_at,
    cast(ordered_at as date) as order_date,
    lower(status) as status,
    updated_at
from {{ ref('raw_orders') }}
