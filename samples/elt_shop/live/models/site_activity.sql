-- the lambda pattern: the batch layer (events loaded from the database) up to its newest event,
-- and the speed layer (clicks from the stream) after it; late clicks are kept
with batch as (
  select customer_id, kind, happened_at, 'batch' as layer
  from {{ source('shop_live', 'events') }}
),
speed as (
  select (payload->>'$.customer_id')::integer as customer_id,
         payload->>'$.kind' as kind,
         published_at as happened_at,
         'speed' as layer
  from {{ source('clicks_stream', 'clicks') }}
  where published_at > (select coalesce(max(happened_at), timestamp '1970-01-01') from batch)
)
select * from batch
union all
select * from speed
