-- The sales fact at transaction grain, keyed to the dimension versions valid at the time of sale.
select
    s.sale_id,
    cast(strftime(s.sale_date, '%Y%m%d') as integer) as date_key,
    s.store_id as store_key,
    c.customer_sk,
    p.product_sk,
    s.customer_id,
    s.product_id,
    s.quantity,
    s.unit_price,
    s.amount,
    s.sold_at
from {{ ref('slv_sales') }} as s
left join {{ ref('dim_customer') }} as c
    on c.customer_id = s.customer_id
    and s.sold_at >= c.valid_from
    and (c.valid_to is null or s.sold_at < c.valid_to)
left join {{ ref('dim_product') }} as p
    on p.product_id = s.product_id
    and s.sold_at >= p.valid_from
    and (p.valid_to is null or s.sold_at < p.valid_to)
