select
    customer_id,
    first_name || ' ' || last_name as customer_name,
    upper(country) as country,
    cast(signed_up_at as timestamp) as signed_up_at
from {{ ref('raw_customers') }}
