-- The product table as the source system shows it on the simulated day.
select
    product_id,
    name,
    category,
    unit_price,
    cast('{{ var("first_day") }}' as timestamp) + to_days(updated_day - 1) as updated_at
from {{ ref('raw_products') }}
where updated_day <= {{ var('day') }}
qualify row_number() over (partition by product_id order by updated_day desc) = 1
