-- The customer dimension: one row per version (SCD Type 2); facts point at the version that was
-- valid when they happened.
select customer_sk, customer_id, name, email, city, segment, valid_from, valid_to, is_current
from {{ ref('slv_customers') }}
