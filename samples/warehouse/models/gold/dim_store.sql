-- The store dimension (Type 1): current attributes only.
select store_id, name, city, region, manager from {{ ref('slv_stores') }}
