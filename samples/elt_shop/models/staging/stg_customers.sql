select id as customer_id, name, upper(country) as country
from {{ source('shop_db', 'customers') }}
