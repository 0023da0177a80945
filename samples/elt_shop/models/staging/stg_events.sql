select id as event_id, customer_id, kind, happened_at
from {{ source('shop_db', 'events') }}
