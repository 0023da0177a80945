-- The stock count each store sends at the close of each day, up to the simulated day.
select
    cast('{{ var("first_day") }}' as date) + cast(day - 1 as integer) as snapshot_date,
    store_id,
    product_id,
    on_hand
from {{ ref('raw_inventory') }}
where day <= {{ var('day') }}
