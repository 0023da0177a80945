-- the month's payments in each currency the tidy package knows (its model, by the two-name ref)
select
    m.month,
    c.currency,
    round(sum(m.amount) * c.per_euro, 2) as amount
from {{ ref('monthly_payments') }} as m
cross join {{ ref('tidy', 'tidy_currencies') }} as c
group by 1, 2, c.per_euro
