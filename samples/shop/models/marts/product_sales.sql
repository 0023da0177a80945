select
    p.product_id,
    p.product_name,
    p.category,
    sum(i.quantity) as units_sold,
    {{ cents_to_currency('sum(i.amount_cents)') }} as revenue
from {{ ref('stg_order_items') }} as i
join {{ ref('stg_products') }} as p using (product_id)
group by all
