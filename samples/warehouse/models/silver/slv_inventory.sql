select snapshot_date, store_id, product_id, on_hand from {{ ref('brz_inventory') }}
