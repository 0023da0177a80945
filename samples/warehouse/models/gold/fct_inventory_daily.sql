-- A periodic snapshot fact: stock on hand per store and product at the close of each day. Each
-- run adds the days that are new; past days keep the product version they were counted under.
{{ config(materialized='incremental', unique_key=['date_key', 'store_key', 'product_id']) }}
select
    cast(strftime(i.snapshot_date, '%Y%m%d') as integer) as date_key,
    i.store_id as store_key,
    p.product_sk,
    i.product_id,
    i.on_hand
from {{ ref('slv_inventory') }} as i
left join {{ ref('dim_product') }} as p
    on p.product_id = i.product_id
    and cast(i.snapshot_date as timestamp) >= p.valid_from
    and (p.valid_to is null or cast(i.snapshot_date as timestamp) < p.valid_to)
{% if is_incremental() %}
where cast(strftime(i.snapshot_date, '%Y%m%d') as integer) > (select max(date_key) from {{ this }})
{% endif %}
