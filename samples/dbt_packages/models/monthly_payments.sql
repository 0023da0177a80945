select
    {{ dbt.date_trunc('month', 'paid_at') }} as month,
    {{ dbt.concat(["method", "'/'", tidy.currency_code()]) }} as method_currency,
    count(*) as payments,
    sum({{ tidy.cents_to_amount('amount_cents') }}) as amount
from {{ ref('payments') }}
group by all
