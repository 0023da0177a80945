select
    i.order_id,
    i.line_number,
    i.product_id,
    i.quantity,
    p.unit_price_cents,
    i.quantity * p.unit_price_cents as amount_cents
from {{ ref('raw_order_items') }} as i
join {{ ref('raw_products') }} as p using (product_id)
