-- Stores as they are now (Type 1: a change overwrites, no history kept).
select store_id, name, city, region, manager from {{ ref('brz_stores') }}
