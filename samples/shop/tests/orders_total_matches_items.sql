-- Every order's amount equals the sum of its priced lines.
select o.order_id, o.amount, round(sum(i.amount_cents) / 100.0, 2) as from_items
from {{ ref('orders') }} as o
join {{ ref('stg_order_items') }} as i using (order_id)
group by o.order_id, o.amount
having o.amount <> round(sum(i.amount_cents) / 100.0, 2)
