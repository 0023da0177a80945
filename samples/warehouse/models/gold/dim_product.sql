-- The product dimension: one row per version (SCD Type 2).
select product_sk, product_id, name, category, unit_price, valid_from, valid_to, is_current
from {{ ref('slv_products') }}
