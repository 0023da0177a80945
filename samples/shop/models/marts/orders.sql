select
    o.order_id,
    o.customer_id,
    o.order_date,
    o.status,
    t.items,
    {{ cents_to_currency('t.amount_cents') }} as amount,
    o.status in ({% for s in var('returned_statuses') %}'{{ s }}'{% if not loop.last %}, {% endif %}{% endfor %}) as is_returned
from {{ ref('stg_orders') }} as o
join {{ ref('order_totals') }} as t using (order_id)
