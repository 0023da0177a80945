-- one row per currency the package knows, with its rate against the euro
select
    currency,
    per_euro,
    currency = '{{ var("tidy:currency") }}' as is_project_currency
from {{ ref('tidy_exchange_rates') }}
