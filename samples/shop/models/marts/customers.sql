with customer_orders as (
    select
        customer_id,
        count(*) as orders,
        min(order_date) as first_order_date,
        max(order_date) as last_order_date,
        sum(case when not is_returned then amount else 0 end) as lifetime_value
    from {{ ref('orders') }}
    group by customer_id
)
select
    c.customer_id,
    c.customer_name,
    c.country,
    coalesce(o.orders, 0) as orders,
    o.first_order_date,
    o.last_order_date,
    coalesce(o.lifetime_value, 0) as lifetime_value
from {{ ref('stg_customers') }} as c
left join customer_orders as o using (customer_id)
