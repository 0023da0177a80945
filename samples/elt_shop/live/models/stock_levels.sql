-- what is on the shelf now, as the change stream says
select product_id, product, on_hand, updated_at
from {{ source('shop_live', 'stock') }}
