select product_id, product_name, category, unit_price_cents
from {{ ref('raw_products') }}
