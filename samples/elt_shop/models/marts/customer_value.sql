-- One row per customer: what they spent (returns excluded), how they rated us, how active they are.
with spend as (
  select customer_id, count(*) as orders, sum(amount) as revenue
  from {{ ref('stg_orders') }}
  where status <> 'returned'
  group by 1
),
ratings as (
  select customer_id, count(*) as reviews, round(avg(stars), 2) as avg_stars
  from {{ ref('stg_reviews') }}
  group by 1
),
activity as (
  select customer_id, count(*) as events from {{ ref('stg_events') }} group by 1
)
select
  c.customer_id,
  c.name,
  c.country,
  coalesce(s.orders, 0) as orders,
  coalesce(s.revenue, 0) as revenue,
  coalesce(r.reviews, 0) as reviews,
  r.avg_stars,
  coalesce(a.events, 0) as events
from {{ ref('stg_customers') }} c
left join spend s using (customer_id)
left join ratings r using (customer_id)
left join activity a using (customer_id)
