-- Every version of every customer (SCD Type 2), from the snapshot.
select
    dbt_scd_id as customer_sk,
    customer_id,
    trim(name) as name,
    lower(email) as email,
    city,
    segment,
    dbt_valid_from as valid_from,
    dbt_valid_to as valid_to,
    dbt_valid_to is null as is_current
from {{ ref('customers_snapshot') }}
