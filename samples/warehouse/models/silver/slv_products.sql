-- Every version of every product (SCD Type 2), from the snapshot.
select
    dbt_scd_id as product_sk,
    product_id,
    name,
    category,
    unit_price,
    dbt_valid_from as valid_from,
    dbt_valid_to as valid_to,
    dbt_valid_to is null as is_current
from {{ ref('products_snapshot') }}
