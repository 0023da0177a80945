-- The customer table as the source system shows it on the simulated day: each customer's
-- latest version, with the time it was last changed.
select
    customer_id,
    name,
    email,
    city,
    segment,
    cast('{{ var("first_day") }}' as timestamp) + to_days(updated_day - 1) as updated_at
from {{ ref('raw_customers') }}
where updated_day <= {{ var('day') }}
qualify row_number() over (partition by customer_id order by updated_day desc) = 1
